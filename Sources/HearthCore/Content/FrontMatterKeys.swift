// The marks of a front matter field. A key is declared once, as a stored property of `PageMeta`
// with its mark; `@FrontMatterFields` writes the rest from the marks (`Sources/HearthMacros`):
// the cache's visits of every field, the known keys, the Markdown stage's inputs and the fields
// templates see. A new key costs that declaration and its line in `FrontMatterParser.read`.

/// Writes the members that follow from the marked fields: `fields(_:)` (the cache's visits, each
/// field shown by `shownBy`), `markdownInputs(_:)`, `pageKeys`, `cardKeys`, `pageTemplateFields`
/// and `cardTemplateFields`.
@attached(
    member, names: named(fields), named(markdownInputs), named(pageKeys), named(cardKeys),
    named(pageTemplateFields), named(cardTemplateFields))
macro FrontMatterFields(shownBy: FieldReach = .otherPages) =
    #externalMacro(module: "HearthMacros", type: "FrontMatterFieldsMacro")

/// A key every page may have, named as the property. `template: true` shows it to templates under
/// its name; `markdown: true` puts it in the Markdown stage's key (the stage reads it).
@attached(peer)
macro Key(template: Bool = false, markdown: Bool = false) =
    #externalMacro(module: "HearthMacros", type: "KeyMarkMacro")

/// A key of exercise cards only; templates see it on a card's own page.
@attached(peer)
macro CardKey(template: Bool = false, markdown: Bool = false) =
    #externalMacro(module: "HearthMacros", type: "KeyMarkMacro")

/// A field that is no key but is made from one (where a key is written): kept and hashed like
/// the keys.
@attached(peer)
macro Derived(markdown: Bool = false) = #externalMacro(module: "HearthMacros", type: "KeyMarkMacro")
