// The codes of content: files, front matter, site.yml, card sections (H1xx). Each is declared once, with its
// example, message and fix (docs/diagnostics.md and `hearth explain` are made from them). There are too many for
// one file: the site's folders and files are here (H101-H118), then YAMLCodes.swift (front matter and YAML
// syntax), FrontMatterCodes.swift (values and keys), URLCodes.swift (slugs, tags, types), CardCodes.swift (exercise cards) and
// SiteConfigCodes.swift (site.yml), each listing its own.
extension DiagnosticCode {
    static let contentCodes: [DiagnosticCode] =
        fileCodes + yamlCodes + frontMatterCodes + urlCodes + cardCodes + siteConfigCodes

    static let fileCodes: [DiagnosticCode] = [
        siteFolderMissing, contentFolderMissing, siteConfigMissing, fileUnreadable, fileNotText, fileNotUTF8,
        invisibleControlCharacter, linkLeavesSite, reservedSectionName, sectionNameNotURL, folderWithoutSectionIndex,
        pageOutsideSection, nestedFolderWithoutIndex, bundleFileReplacesPage, markdownNotNamedMD, fileNameMakesNoURL,
        pageURLTaken, pageTakesDeckURL,
    ]

    // Where the site is.

    public static let siteFolderMissing = DiagnosticCode(
        "H101", "The site's folder does not exist",
        example: """
            $ hearth build --source /home/sam/closr
            """,
        message: """
            /home/sam/closr: error: there is no folder /home/sam/closr [H101]
            hint: run hearth in the site's root folder, or name it with --source (the folder holding content/)
            """,
        fix: """
            Check the name given to --source: it is the folder that holds content/ (and templates/, if the site \
            has its own theme). Or go into that folder and run hearth there without --source.
            """)

    public static let contentFolderMissing = DiagnosticCode(
        "H102", "There is no content/ folder",
        example: """
            $ cd /home/sam/Documents
            $ hearth build
            """,
        message: """
            content: error: there is no content/ folder here [H102]
            hint: run hearth in the site's root folder, or name it with --source (the folder holding content/)
            """,
        fix: """
            Run hearth in the site's folder, the one that holds content/, or name that folder with --source. When \
            you are inside the site already (in content/ or a section), the hint names the folder to use.
            """)

    public static let siteConfigMissing = DiagnosticCode(
        "H103", "content/site.yml is missing",
        example: """
            content/
              index.md
              emotional/_index.md
            """,
        message: """
            content/site.yml: error: content/site.yml is missing [H103]
            hint: create it with at least title and baseURL
            """,
        fix: """
            Create content/site.yml with the site's name and address, e.g. the two lines `title: Closer` and \
            `baseURL: https://example.org/`. docs/content-format.md lists everything else it may hold.
            """)

    // Reading a file.

    public static let fileUnreadable = DiagnosticCode(
        "H104", "A file cannot be read",
        example: """
            $ ls -l content/emotional/listening.md
            --w------- 1 sam sam 812 Mar 14 09:12 content/emotional/listening.md
            """,
        message: """
            content/emotional/listening.md: error: the file cannot be read [H104]
            hint: check its permissions
            """,
        fix: """
            Make the file readable for the account that runs hearth (`chmod u+r content/emotional/listening.md`). \
            A file copied from another computer or a backup sometimes keeps permissions that lock it.
            """)

    public static let fileNotText = DiagnosticCode(
        "H105", "A file that should be text is not",
        example: """
            $ file content/emotional/listening.md
            content/emotional/listening.md: Microsoft Word 2007+
            """,
        message: """
            content/emotional/listening.md:1:6: error: this is not a text file (it holds a NUL byte) [H105]
            hint: content/ takes Markdown text; put images and other files in a page bundle
            """,
        fix: """
            A page is plain Markdown text: copy the document's words into a new file with front matter and save \
            it with the .md name. An image or a PDF goes in a page bundle: a folder with the page's index.md, \
            beside it.
            """)

    public static let fileNotUTF8 = DiagnosticCode(
        "H106", "A file is not saved as UTF-8",
        example: """
            content/emotional/cafe-dates.md, saved as Windows-1252 (é is the byte E9):
            ---
            title: Café dates
            ---
            """,
        message: """
            content/emotional/cafe-dates.md:2:11: error: the file is not valid UTF-8 [H106]
            hint: save it as UTF-8 in your editor
            """,
        fix: """
            Save the file again as UTF-8: most editors offer the encoding in their Save As dialog or status bar. \
            Then check the accented letters and quotation marks the error points to.
            """)

    public static let invisibleControlCharacter = DiagnosticCode(
        "H107", "A file holds an invisible control character",
        example: """
            content/emotional/listening.md, with a vertical tab (U+000B, shown here as ␋) pasted in:
            ---
            title: Listening first
            ---
            Listen to understand,␋not to answer.
            """,
        message: """
            content/emotional/listening.md:4:22: warning: an invisible control character (U+000B) is here [H107]
            hint: delete it: it shows as nothing and makes the page invalid HTML (text pasted from a word processor often brings one)
            """,
        fix: """
            Put the cursor at the line and column given and delete the character there (it shows as nothing, so \
            delete up to the next visible one and type that again). Pasting as plain text avoids bringing them in.
            """)

    public static let linkLeavesSite = DiagnosticCode(
        "H108", "A symbolic link leads outside the site's folder",
        example: """
            content/physical/touch/
              index.md
              notes.txt -> /home/sam/private/notes.txt
            """,
        message: """
            content/physical/touch/notes.txt: error: this is a symbolic link to a place outside the site folder, which Hearth never follows [H108]
            hint: copy what it points to into the site, or remove the link (a link within the site is fine)
            """,
        fix: """
            Copy the file into the site in place of the link, or remove the link. Hearth never follows a link out \
            of the site, so that a private file of the computer that builds it is never published.
            """)

    // The site's folders.

    public static let reservedSectionName = DiagnosticCode(
        "H109", "A section has a name the build uses itself",
        example: """
            content/tags/_index.md
            """,
        message: """
            content/tags/_index.md: error: 'tags' is a reserved name: the build makes /tags/ itself [H109]
            hint: rename the folder
            """,
        fix: """
            Rename the section's folder (e.g. content/themes/); the build writes /tags/, /search/, /assets/, the \
            feed and the sitemap itself. A section that is a topic is renamed in site.yml's types too.
            """)

    public static let sectionNameNotURL = DiagnosticCode(
        "H110", "A section's folder name cannot be a URL",
        example: """
            content/Slow Love/_index.md
            """,
        message: """
            content/Slow Love/_index.md: error: a section's folder name is its URL, and 'Slow Love' holds ' ', which a URL cannot [H110]
            hint: rename the folder to slow-love
            """,
        fix: """
            Rename the folder with letters, digits and dashes only, as the hint suggests (slow-love); the \
            section's title in its _index.md can say "Slow Love" as you like. Rename it in site.yml's types too.
            """)

    public static let folderWithoutSectionIndex = DiagnosticCode(
        "H111", "A folder of content/ holds pages but is not a section",
        example: """
            content/rituals/
              morning-coffee.md
              (no _index.md)
            """,
        message: """
            content/rituals: error: folder content/rituals/ holds Markdown but has no _index.md [H111]
            hint: add content/rituals/_index.md with a title to make it a section
            """,
        fix: """
            Add an _index.md to the folder, with front matter holding at least a title, to make it a section; \
            list it under types in site.yml if it is a topic. Or move its pages into a section that exists.
            """)

    public static let pageOutsideSection = DiagnosticCode(
        "H112", "A page is not inside a section folder",
        example: """
            content/
              site.yml
              index.md
              about.md
            """,
        message: """
            content/about.md: error: a page must be inside a section folder [H112]
            hint: move it to content/<section>/about.md
            """,
        fix: """
            Move the page into a section's folder (content/help/about.md). Only the home page, content/index.md, \
            sits directly in content/.
            """)

    public static let nestedFolderWithoutIndex = DiagnosticCode(
        "H113", "A folder inside a section holds pages but has no index.md",
        example: """
            content/emotional/listening/
              part-one.md
              part-two.md
            """,
        message: """
            content/emotional/listening: error: folder content/emotional/listening/ has no index.md [H113]
            hint: sections do not nest: a folder in a section is a page bundle, with an index.md
            """,
        fix: """
            Sections do not nest: move the pages up into the section (content/emotional/listening-part-one.md), \
            or make the folder one page by naming its Markdown file index.md, with its images beside it.
            """)

    public static let bundleFileReplacesPage = DiagnosticCode(
        "H114", "A file of a page bundle would replace the page",
        example: """
            content/physical/touch/
              index.md
              index.html
            """,
        message: """
            content/physical/touch/index.html: error: this file would replace the page content/physical/touch/index.md, which is published as index.html in the same folder [H114]
            hint: rename it (e.g. to page.html) and link to it by that name
            """,
        fix: """
            Rename the HTML file (e.g. to handout.html) and link to it by that name from index.md. The page itself \
            is published as index.html, so no other file of its folder may have that name.
            """)

    public static let markdownNotNamedMD = DiagnosticCode(
        "H115", "A Markdown file is not named .md, so it is no page",
        example: """
            content/emotional/touch.markdown
            """,
        message: """
            content/emotional/touch.markdown: warning: content/emotional/touch.markdown is not a page: only files whose names end in '.md' are [H115]
            hint: rename it to touch.md
            """,
        fix: """
            Rename the file to end in .md, in lower case (touch.md). If a page of that name exists already, give \
            this one another name, or delete it if it is an old copy.
            """)

    // Pages and their URLs.

    public static let fileNameMakesNoURL = DiagnosticCode(
        "H116", "A page's file name has no letter or digit for its URL",
        example: """
            content/emotional/❤️.md
            """,
        message: """
            content/emotional/❤️.md: error: the name '❤️' has no letter or digit to make the page's URL from [H116]
            hint: rename it, or give the page a slug in its front matter, e.g. slug: my-page
            """,
        fix: """
            Rename the file with a word or two (content/emotional/love.md), or keep the name and add a slug to \
            its front matter (slug: love): the URL is made from one of the two.
            """)

    public static let pageURLTaken = DiagnosticCode(
        "H117", "Two pages have the same URL",
        example: """
            content/emotional/listening-again.md, beside content/emotional/listening.md:
            ---
            title: Listening, again
            slug: listening
            ---
            """,
        message: """
            content/emotional/listening-again.md:3:7: error: this page has the same URL /emotional/listening/ as content/emotional/listening.md [H117]
            hint: give one of them another file name or slug
            """,
        fix: """
            Change the slug (or, without one, the file name) of one of the two pages so that each has its own \
            URL. The page whose file name gives it the URL keeps it; the other one is left out of the build.
            """)

    public static let pageTakesDeckURL = DiagnosticCode(
        "H118", "A page has the URL of the deck",
        example: """
            content/exercises/deck.md
            """,
        message: """
            content/exercises/deck.md: error: this page has the URL /exercises/deck/, where the build publishes the deck of every card [H118]
            hint: give it another file name or slug
            """,
        fix: """
            Rename the file (e.g. content/exercises/card-deck.md) or give it another slug. The build makes \
            /exercises/deck/ itself: every card, each on a page of its own for printing.
            """)
}
