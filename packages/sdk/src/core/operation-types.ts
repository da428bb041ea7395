// Types derived from an operation of openapi.yaml (via openapi-typescript's `operations`): what a
// call sends and what it answers, so every resource method is typed from the contract.

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/** The JSON body of an operation's success answer (200, 201 or 202). */
export type Ok<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? Json<R[200]>
    : 201 extends keyof R
      ? Json<R[201]>
      : 202 extends keyof R
        ? Json<R[202]>
        : undefined
  : never;

/** An operation's query parameters. */
export type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** An operation's JSON request body. */
export type Body<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

/** The item type of a list operation (`{ data: Item[] }`). */
export type Item<Op> = Ok<Op> extends { data: Array<infer T> } ? T : never;
