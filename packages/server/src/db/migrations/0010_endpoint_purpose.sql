-- What an endpoint's application is for: a default scan adds off-topic and competitor probes written against it.
ALTER TABLE "endpoints" ADD COLUMN "purpose" jsonb;