// Every public name of the SDK carries TSDoc, as editors show it on hover: each export of index.ts,
// and each public member of its classes and interfaces. The generated contract types are documented
// by openapi.yaml itself and are left out.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const index = fileURLToPath(new URL("./index.ts", import.meta.url));

function undocumented(): string[] {
  const program = ts.createProgram([index], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const hasDoc = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "";
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile().fileName.includes("/generated/")) continue;
    if (!hasDoc(symbol)) missing.push(exported.name);
    if (!(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) continue;
    for (const member of symbol.members?.values() ?? []) {
      const node = member.declarations?.[0];
      if (!node || ts.isConstructorDeclaration(node) || ts.isTypeParameterDeclaration(node)) continue;
      const modifiers = ts.getCombinedModifierFlags(node as ts.Declaration);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      if (!hasDoc(member)) missing.push(`${exported.name}.${member.name}`);
    }
  }
  return missing;
}

it("documents every exported name and every public member", () => {
  expect(undocumented()).toEqual([]);
}, 60_000);
