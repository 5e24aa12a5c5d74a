// The codes of links: links, wikilinks, tags, related pages, paths, permalinks (H2xx). Each is declared once here, with its example, message and fix
// (docs/diagnostics.md and `hearth explain` are made from them), and listed in `linkCodes`.
extension DiagnosticCode {
    static let linkCodes: [DiagnosticCode] = [
        wikilinkNamesNoPage, strayWikilinkOpening, noPageMatches, linkMatchesSeveralPages, linkToDraft,
        linkToPageNotBuilt, linksToFailedPageNotChecked, zolaInternalLink, linkedPageFileMissing, linkedFileMissing,
        linkedFileNotInBundle, linkOutsideContent, linkAboveSiteRoot, sitePathNotFound, headingNotFound,
        relatedEntryIsThisPage, relatedEntryRepeated, tagsShareURL, pathHasTooFewCards,
    ]

    // Wikilinks, and the pages they (and `related:` entries) name.

    public static let wikilinkNamesNoPage = DiagnosticCode(
        "H201", "A wikilink has no page name in its brackets",
        example: """
            ---
            title: Listening First
            ---
            Try it with [[ ]] tonight.
            """,
        message: """
            content/emotional/listening.md:4:13: error: [[ ]] names no page [H201]
            hint: write a page's title, alias, slug or path inside the brackets (e.g. [[exercises/soul-gazing]]), or \\[[ to show the brackets as text
            """,
        fix: """
            Write the page you mean between the brackets: its title, like [[Gentle Touch]], or its path. \
            If you want the brackets themselves on the page, write \\[[ instead.
            """)

    public static let strayWikilinkOpening = DiagnosticCode(
        "H202", "A '[[' starts no link",
        example: """
            ---
            title: Listening First
            ---
            Afterwards, try [[Gentle Touch together.
            """,
        message: """
            content/emotional/listening.md:4:17: warning: this '[[' starts no link: it shows as written [H202]
            hint: write [[Target]] or [[Target|label]] with plain text inside (no Markdown, brackets or blank line), or \\[[ to show the brackets as text
            """,
        fix: """
            Close the link with ]] in the same paragraph, and keep plain words inside it: no *bold*, no \
            brackets, no blank line. If you meant the brackets as text, write \\[[.
            """)

    public static let noPageMatches = DiagnosticCode(
        "H203", "A link matches no page",
        example: """
            ---
            title: Listening First
            ---
            Then try [[Gentel Touch]].
            """,
        message: """
            content/emotional/listening.md:4:10: error: no page matches [[Gentel Touch]] [H203]
            hint: did you mean 'Gentle Touch'?
            hint: if content/physical/touch.md was once titled 'Gentel Touch', add that to its aliases:
            """,
        fix: """
            Check the spelling against the page's title, or link it by its path ([[physical/touch]]). If \
            you renamed the page, add its old title to its aliases so that old links keep working. The \
            same applies to a related: entry.
            """)

    public static let linkMatchesSeveralPages = DiagnosticCode(
        "H204", "A link matches more than one page",
        example: """
            ---
            title: Listening First
            ---
            Then try [[touch]].
            """,
        message: """
            content/emotional/listening.md:4:10: error: [[touch]] matches 2 pages [H204]
            hint: candidates: content/emotional/touch.md, content/physical/touch.md
            hint: write the path to pick one, e.g. [[emotional/touch]]
            """,
        fix: """
            Two pages answer to that name (here two files called touch.md). Write the path of the one you \
            mean, such as [[physical/touch]], or link it by its title.
            """)

    public static let linkToDraft = DiagnosticCode(
        "H205", "A link leads to a draft",
        example: """
            ---
            title: Listening First
            ---
            Next, read [[Unfinished Draft]].
            """,
        message: """
            content/emotional/listening.md:4:12: error: [[Unfinished Draft]] links to a draft (content/physical/secret.md) [H205]
            hint: publish it (remove 'draft: true') or build with --drafts
            """,
        fix: """
            The page you link is marked draft: true, so it is not on the site. Publish it by removing that \
            line, remove the link until it is ready, or build with --drafts to see them together.
            """)

    public static let linkToPageNotBuilt = DiagnosticCode(
        "H206", "A link leads to a page that is not built: another page has its URL",
        example: """
            content/emotional/copy.md:
            ---
            title: Copy of Listening
            slug: listening
            ---

            content/index.md:
            ---
            title: Closer
            ---
            Start with [[Copy of Listening]].
            """,
        message: """
            content/index.md:4:12: error: [[Copy of Listening]] links to content/emotional/copy.md, which is not built: content/emotional/listening.md has its URL [H206]
            hint: give one of them another file name or slug
            """,
        fix: """
            Two pages would have the same address, so only one is built. Give one of them another file name \
            or slug; the error at the page itself says which.
            """)

    public static let linksToFailedPageNotChecked = DiagnosticCode(
        "H207", "Links to a page that failed to load are not checked",
        example: """
            content/emotional/listening.md:
            ---
            title: Listening First
            tags: [listening, trust
            ---

            content/index.md:
            ---
            title: Closer
            ---
            Start with [[Listening First]].
            """,
        message: """
            content/index.md:4:12: note: links to content/emotional/listening.md are not checked: the page failed to load; see the error above [H207]
            """,
        fix: """
            Nothing is wrong with the link itself. Fix the error in the page it leads to (here the unclosed \
            [ in its tags); links to it are checked again on the next build.
            """)

    // Markdown links: to .md files, to files, and to the site's paths.

    public static let zolaInternalLink = DiagnosticCode(
        "H208", "A link is written as a Zola internal link",
        example: """
            ---
            title: Listening First
            ---
            See [the touch page](@/physical/touch.md).
            """,
        message: """
            content/emotional/listening.md:4:5: error: '@/physical/touch.md' is a Zola internal link, which Hearth does not read [H208]
            hint: write it from the content folder with '/': '/physical/touch.md'
            """,
        fix: """
            Write the path from the content folder with a plain /, as in [the touch page](/physical/touch.md), \
            or link the page by its title: [[Gentle Touch]].
            """)

    public static let linkedPageFileMissing = DiagnosticCode(
        "H209", "A link to a Markdown file names one that does not exist",
        example: """
            ---
            title: Listening First
            ---
            See [the touch page](../physical/tuch.md).
            """,
        message: """
            content/emotional/listening.md:4:5: error: '../physical/tuch.md' links to content/physical/tuch.md, which does not exist [H209]
            hint: did you mean '../physical/touch.md'?
            """,
        fix: """
            Check the file name and folder: the path is read from the page's own file, so ../ climbs one \
            folder up. Linking by the page's title ([[Gentle Touch]]) keeps working when files move.
            """)

    public static let linkedFileMissing = DiagnosticCode(
        "H210", "A link or image names a file that does not exist",
        example: """
            ---
            title: Listening First
            ---
            ![Two chairs, face to face](chairs.jpg)
            """,
        message: """
            content/emotional/listening.md:4:1: error: 'chairs.jpg' links to content/emotional/chairs.jpg, which does not exist [H210]
            hint: put the file next to the page's index.md (a page bundle)
            """,
        fix: """
            Check the file's name in the link: names are case-sensitive, so Chairs.JPG is not chairs.jpg. \
            A file a page shows belongs in the page's own folder: make the page a bundle \
            (content/emotional/listening/index.md) and put the file beside its index.md.
            """)

    public static let linkedFileNotInBundle = DiagnosticCode(
        "H211", "A linked file is not in a page bundle, so it is not published",
        example: """
            ---
            title: Listening First
            ---
            ![Two chairs, face to face](chairs.jpg)
            """,
        message: """
            content/emotional/listening.md:4:1: warning: content/emotional/chairs.jpg is not in a page bundle, so it is not published [H211]
            hint: move it next to a page's index.md
            """,
        fix: """
            Hearth publishes the files of a page bundle: a folder holding the page as index.md and its \
            files beside it. Make a folder for the page (content/emotional/listening/index.md) and move the \
            file into it.
            """)

    public static let linkOutsideContent = DiagnosticCode(
        "H212", "A link points outside the content folder",
        example: """
            ---
            title: Listening First
            ---
            See [my notes](../../notes.md).
            """,
        message: """
            content/emotional/listening.md:4:5: error: '../../notes.md' points outside content/ [H212]
            hint: link to a page of the site
            """,
        fix: """
            The link climbs out of content/, and nothing outside it is published. Link a page of the site \
            instead, or move the file into content/.
            """)

    public static let linkAboveSiteRoot = DiagnosticCode(
        "H213", "A link goes above the site's root",
        example: """
            ---
            title: Listening First
            ---
            Back to [the start](../../../).
            """,
        message: """
            content/emotional/listening.md:4:9: warning: '../../../' goes above the site's root [H213]
            hint: link to a page of the site
            """,
        fix: """
            A folder link like ../ is read from the page's address (/emotional/listening/), and this one \
            climbs past the top of the site. Use fewer ../, or write the address from the top: [the start](/).
            """)

    public static let sitePathNotFound = DiagnosticCode(
        "H214", "A link names an address the site does not have",
        example: """
            ---
            title: Listening First
            ---
            Then try [a long hug](/physical/hgus/).
            """,
        message: """
            content/emotional/listening.md:4:10: warning: '/physical/hgus/' is not a page or file of this site [H214]
            hint: did you mean '/physical/hugs/'?
            """,
        fix: """
            Correct the address, or link the page by its title ([[Long Hugs]]) or its file \
            (../physical/hugs.md): those are checked and follow the page when its address changes.
            """)

    public static let headingNotFound = DiagnosticCode(
        "H215", "A link's #anchor is not a heading of its page",
        example: """
            ---
            title: Listening First
            ---
            Read [[Gentle Touch#How to begn]].
            """,
        message: """
            content/emotional/listening.md:4:6: error: '#How to begn' is not a heading of content/physical/touch.md [H215]
            hint: did you mean '#how-to-begin'?
            hint: its headings:
                    How to begin (#how-to-begin)
                    Why touch matters (#why-touch-matters)
            """,
        fix: """
            Write the heading as it is on that page, or its id (the words in lower case, joined by -). A \
            heading that was renamed breaks the links to it: update them.
            """)

    // Related pages, tags and paths.

    public static let relatedEntryIsThisPage = DiagnosticCode(
        "H216", "A related entry names the page itself",
        example: """
            ---
            title: Listening First
            related: [Listening First, Gentle Touch]
            ---
            """,
        message: """
            content/emotional/listening.md:3:11: warning: related entry 'Listening First' is this page: a page is never related to itself [H216]
            hint: remove it from related
            """,
        fix: "Remove the page's own name from its related list; list only other pages.")

    public static let relatedEntryRepeated = DiagnosticCode(
        "H217", "A related entry names a page listed already",
        example: """
            ---
            title: Listening First
            related: [physical/touch, Gentle Touch]
            ---
            """,
        message: """
            content/emotional/listening.md:3:27: warning: related entry 'Gentle Touch' names content/physical/touch.md again: it is listed once [H217]
            hint: remove one of them from related
            """,
        fix: "Two entries name the same page (by its path and by its title): keep one of them.")

    public static let tagsShareURL = DiagnosticCode(
        "H218", "Two different tags have the same URL",
        example: """
            content/emotional/listening.md:
            ---
            title: Listening First
            tags: [Love & Trust]
            ---

            content/physical/touch.md:
            ---
            title: Gentle Touch
            tags: [love trust]
            ---
            """,
        message: """
            content/physical/touch.md:3:8: warning: tag 'love trust' has the same URL /tags/love-trust/ as tag 'Love & Trust' (content/emotional/listening.md:3:8): they are one tag page, named 'Love & Trust' [H218]
            hint: a tag's URL keeps its letters and digits: if these are different tags, give one a name whose letters or digits differ
            """,
        fix: """
            If they are the same tag, spell it the same way on every page. If they are different tags, \
            give one a name that differs in its letters or digits, not only in punctuation.
            """)

    public static let pathHasTooFewCards = DiagnosticCode(
        "H219", "A path links fewer than two exercise cards",
        example: """
            ---
            title: A First Week
            ---
            ## Day 1: Look
            [[Soul Gazing]]
            """,
        message: """
            content/paths/a-first-week.md:4:1: error: a path needs at least two exercise cards, and this one links 1 [H219]
            hint: link each card of the path, in order: [[Soul Gazing]], [[The Daily Check-In]]
            """,
        fix: """
            A path is a sequence of exercise cards. Link each card of the path in its text, in the order \
            readers should take them, at least two. Links to articles do not count.
            """)
}
