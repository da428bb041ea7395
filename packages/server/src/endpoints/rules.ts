// What an endpoint must satisfy beyond its schema, and what it gets when a field is left out.
import type { HttpTemplate, ToolSpec } from "@penaxtra/engine";
import { badRequest } from "../errors/api-error.ts";
import { EndpointLimitsSchema } from "../generated/contract.ts";
import type { EndpointLimits } from "./present.ts";

// The defaults openapi.yaml declares for EndpointLimits.
export const DEFAULT_LIMITS: EndpointLimits = EndpointLimitsSchema.parse({});

/** An http_template_v1 endpoint needs a template, and the template a place for the prompt. */
export function assertTemplateFits(wireFormat: string, template: HttpTemplate | null | undefined) {
  if (wireFormat === "http_template_v1") {
    if (!template) throw badRequest("invalid_http_template", { message: "http_template_v1 needs http_template" });
    if (!template.body_template.includes("{{prompt}}") && !template.body_template.includes("{{messages}}"))
      throw badRequest("invalid_http_template", { message: "body_template must contain {{prompt}} or {{messages}}" });
  }
}

/** Tools go where the wire format declares them, each name once. */
export function assertToolsFit(wireFormat: string, tools: readonly ToolSpec[] | null | undefined) {
  if (!tools?.length) return;
  if (wireFormat === "http_template_v1")
    throw badRequest("invalid_tools", {
      message: "tools need chat_completions_v1 or anthropic_messages_v1: an http template has no place for them",
    });
  const names = tools.map((tool) => tool.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw badRequest("invalid_tools", { message: `tool ${repeated} is declared twice` });
}
