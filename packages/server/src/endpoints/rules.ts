// What an endpoint must satisfy beyond its schema, and what it gets when a field is left out.
import type { HttpTemplate } from "@penaxtra/engine";
import { badRequest } from "../errors/api-error.ts";
import { EndpointLimitsSchema } from "../generated/contract.ts";
import type { EndpointLimits } from "./present.ts";

// The defaults openapi.yaml declares for EndpointLimits.
export const DEFAULT_LIMITS: EndpointLimits = EndpointLimitsSchema.parse({});

/** An http_template_v1 endpoint needs a template, and the template a place for the prompt. */
export function assertTemplateFits(wireFormat: string, template: HttpTemplate | null | undefined) {
  if (wireFormat === "http_template_v1") {
    if (!template) throw badRequest("invalid_http_template", { message: "http_template_v1 needs http_template" });
    if (!template.body_template.includes("{{prompt}}"))
      throw badRequest("invalid_http_template", { message: "body_template must contain {{prompt}}" });
  }
}
