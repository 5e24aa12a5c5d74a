// The codes of content/site.yml's settings (H172-H186); part of `contentCodes` (ContentCodes.swift). Its YAML
// syntax and the kinds of its values share the codes of front matter (YAMLCodes.swift, FrontMatterCodes.swift).
extension DiagnosticCode {
    static let siteConfigCodes: [DiagnosticCode] = [
        siteKeyMissing, siteTitleEmpty, baseURLNotAbsolute, baseURLWithoutSlash, languageNotTag, unknownSiteKey,
        settingNotMapping, typeNameInvalid, typeListedTwice, typeWithoutSection, paginateTooSmall,
        synonymGroupTooSmall, synonymEmpty, exitURLNotAbsolute, exitLabelEmpty,
    ]

    public static let siteKeyMissing = DiagnosticCode(
        "H172", "site.yml has no title or no baseURL",
        example: """
            title: Closer
            language: en
            """,
        message: """
            content/site.yml:1:1: error: site.yml has no 'baseURL' [H172]
            hint: add e.g. baseURL: https://example.org/
            """,
        fix: """
            Add the key the message names: the site's name (title: Closer) and the address it is published at \
            (baseURL: https://example.org/). Until the address is known, an example.org one does for a preview.
            """)

    public static let siteTitleEmpty = DiagnosticCode(
        "H173", "The site's title is empty",
        example: """
            title: ""
            baseURL: https://example.org/
            """,
        message: """
            content/site.yml:1:8: error: 'title' in site.yml is empty [H173]
            hint: the site's name, shown in every page's header and title: e.g. title: My guide
            """,
        fix: """
            Write the site's name after 'title:' (title: Closer). It is shown at the top of every page and in \
            the browser's tab.
            """)

    public static let baseURLNotAbsolute = DiagnosticCode(
        "H174", "baseURL is not a full web address",
        example: """
            title: Closer
            baseURL: closer.example/
            """,
        message: """
            content/site.yml:2:10: error: 'baseURL' must be an absolute http(s) URL, found 'closer.example/' [H174]
            hint: e.g. baseURL: https://example.org/
            """,
        fix: """
            Write the whole address the site is published at, starting with https:// (baseURL: \
            https://closer.example/). The feed, the sitemap and shared links need it in full.
            """)

    public static let baseURLWithoutSlash = DiagnosticCode(
        "H175", "baseURL does not end with '/'",
        example: """
            title: Closer
            baseURL: https://closer.example/guide
            """,
        message: """
            content/site.yml:2:10: error: 'baseURL' must end with '/', found 'https://closer.example/guide' [H175]
            hint: e.g. baseURL: https://closer.example/guide/
            """,
        fix: """
            Add a '/' at the end of the address, as the hint shows: every page's address is made by adding to \
            it.
            """)

    public static let languageNotTag = DiagnosticCode(
        "H176", "language is not a language tag",
        example: """
            title: Closer
            baseURL: https://example.org/
            language: en_GB
            """,
        message: """
            content/site.yml:3:11: warning: 'language' is not a language tag: 'en_GB' [H176]
            hint: e.g. language: en, or fr, pt-BR (it becomes <html lang>)
            """,
        fix: """
            Write the language's short code, with a dash before a region: en, en-GB, fr, pt-BR. Screen readers \
            use it to pronounce the pages.
            """)

    public static let unknownSiteKey = DiagnosticCode(
        "H177", "Unknown key in site.yml",
        example: """
            title: Closer
            baseURL: https://example.org/
            paginnate: 20
            """,
        message: """
            content/site.yml:3:1: warning: unknown key 'paginnate' in site.yml [H177]
            hint: did you mean 'paginate'?
            """,
        fix: """
            Correct the key's spelling as the hint suggests; docs/content-format.md lists every key site.yml \
            takes, and those under exit: and images:.
            """)

    public static let settingNotMapping = DiagnosticCode(
        "H178", "exit or images is not a list of keys",
        example: """
            title: Closer
            baseURL: https://example.org/
            exit: https://www.bbc.co.uk/weather
            """,
        message: """
            content/site.yml:3:7: error: 'exit' must be a mapping, found 'https://www.bbc.co.uk/weather' [H178]
            hint: indented keys under it: exit: url: ..., exit: label: ...
            """,
        fix: """
            Write the settings on lines of their own, indented under the key: 'exit:', then \
            '  url: https://www.bbc.co.uk/weather' on the next line.
            """)

    // Types: the topic sections.

    public static let typeNameInvalid = DiagnosticCode(
        "H179", "A name in types cannot be a topic",
        example: """
            title: Closer
            baseURL: https://example.org/
            types:
              - emotional
              - exercises
            """,
        message: """
            content/site.yml:5:5: error: 'exercises' cannot be a type name [H179]
            hint: a type is the name of a folder of content/, like 'emotional'
            """,
        fix: """
            List only the folders of topic sections. exercises holds the cards, whose own types say their topics, \
            and tags is made by the build.
            """)

    public static let typeListedTwice = DiagnosticCode(
        "H180", "A type is listed twice",
        example: """
            title: Closer
            baseURL: https://example.org/
            types: [emotional, physical, emotional]
            """,
        message: """
            content/site.yml:3:30: warning: type 'emotional' is listed twice [H180]
            """,
        fix: """
            Remove the second entry. The order of types is the order the topics are shown in, so keep the entry \
            in the place you want.
            """)

    public static let typeWithoutSection = DiagnosticCode(
        "H181", "A type has no section folder",
        example: """
            title: Closer
            baseURL: https://example.org/
            types: [emotional, playful]
            """,
        message: """
            content/site.yml:3:20: error: type 'playful' has no section folder content/playful/_index.md [H181]
            hint: create content/playful/_index.md, or remove 'playful' from types
            """,
        fix: """
            Create the section: a folder content/playful/ with an _index.md holding at least a title. Or remove \
            the name from types, or correct it to the folder's name.
            """)

    // Lists and search.

    public static let paginateTooSmall = DiagnosticCode(
        "H182", "paginate is less than 1",
        example: """
            title: Closer
            baseURL: https://example.org/
            paginate: 0
            """,
        message: """
            content/site.yml:3:11: error: 'paginate' must be at least 1, found 0 [H182]
            hint: entries per list page, e.g. paginate: 50
            """,
        fix: """
            Write how many entries a list page shows before going on to the next, at least 1 (paginate: 50, \
            the default). To keep every list on one page, write a number larger than any list will grow to.
            """)

    public static let synonymGroupTooSmall = DiagnosticCode(
        "H183", "A group of synonyms has one word",
        example: """
            title: Closer
            baseURL: https://example.org/
            synonyms:
              - [therapist]
            """,
        message: """
            content/site.yml:4:5: error: a group of 'synonyms' needs two words or more [H183]
            hint: a list of groups of words, e.g. synonyms: [[therapist, counsellor, counselor]]
            """,
        fix: """
            Add the words search should treat as the same to the group (- [therapist, counsellor, counselor]), or \
            remove it.
            """)

    public static let synonymEmpty = DiagnosticCode(
        "H184", "A word of synonyms is empty",
        example: """
            title: Closer
            baseURL: https://example.org/
            synonyms:
              - [therapist, counsellor, ""]
            """,
        message: """
            content/site.yml:4:29: error: a word of 'synonyms' is empty [H184]
            hint: a list of groups of words, e.g. synonyms: [[therapist, counsellor, counselor]]
            """,
        fix: """
            Remove the empty entry from the group, or write the word that was meant to be there.
            """)

    // The quick exit.

    public static let exitURLNotAbsolute = DiagnosticCode(
        "H185", "The quick exit's url is not a full web address",
        example: """
            title: Closer
            baseURL: https://example.org/
            exit:
              url: www.bbc.co.uk/weather
            """,
        message: """
            content/site.yml:4:8: error: 'exit: url' must be an absolute http(s) URL, found 'www.bbc.co.uk/weather' [H185]
            hint: a neutral page to leave to, e.g. url: https://www.bbc.co.uk/weather
            """,
        fix: """
            Write the whole address, starting with https:// (url: https://www.bbc.co.uk/weather). Choose a \
            neutral page that nobody would think twice about seeing open.
            """)

    public static let exitLabelEmpty = DiagnosticCode(
        "H186", "The quick exit's label is empty",
        example: """
            title: Closer
            baseURL: https://example.org/
            exit:
              label: ""
            """,
        message: """
            content/site.yml:4:10: error: 'exit: label' is empty [H186]
            hint: the quick exit's text, e.g. label: Leave this site
            """,
        fix: """
            Write the words the quick exit shows (label: Leave this site), or remove the line to keep that default.
            """)
}
