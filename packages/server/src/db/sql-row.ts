// What a raw postgres.js statement returns for a table: its columns under their SQL names, typed
// from schema.ts (enum columns keep their unions), so a raw row type cannot drift from the map.
import type { GetColumnData, Table } from "drizzle-orm";

type ColumnsOf<T extends Table> = T["_"]["columns"];

export type SqlRow<T extends Table> = {
  [K in keyof ColumnsOf<T> as ColumnsOf<T>[K]["_"]["name"]]: GetColumnData<ColumnsOf<T>[K]>;
};
