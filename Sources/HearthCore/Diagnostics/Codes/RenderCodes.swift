// The codes of templates, the theme and Markdown rendering (H3xx). Each is declared once here, with its example, message and fix
// (docs/diagnostics.md and `hearth explain` are made from them), and listed in `renderCodes`.
extension DiagnosticCode {
    static let renderCodes: [DiagnosticCode] = [
        requiredTemplateMissing, noTemplateNamed, templateIncludesItself, templateTagNotClosed,
        templateSectionNotClosed, templateCloseWithoutOpen, templateCloseMismatch, templateInvalidName,
        templateInvalidPartialName, templateNotABlockInParent, templateInvalidDelimiters, templateFunctionCall,
        templatePragma, templateDynamicPartial, templateUnknownName, htmlEscaped, imageWithoutAlt, rawHTMLLeftOut,
        shortcodeNotRun, tableWrittenWithPipes, timersExceedDuration,
    ]

    // The theme's templates, as a whole.

    public static let requiredTemplateMissing = DiagnosticCode(
        "H301", "A template every theme needs is missing",
        example: """
            templates/
              baseof.mustache
              home.mustache
              page.mustache
              (no exercise.mustache)
            """,
        message: """
            templates/exercise.mustache: error: the template 'exercise' is missing [H301]
            hint: every theme needs: baseof.mustache, home.mustache, section.mustache, page.mustache, exercise.mustache, tag.mustache, tags.mustache, 404.mustache, search.mustache, partials/card.mustache
            """,
        fix: """
            Add the template, starting from the default theme's (the templates/ folder of Hearth's \
            repository, which a site without templates/ is built with). Every kind of page needs its \
            template, even one your site has no page of yet.
            """)

    public static let noTemplateNamed = DiagnosticCode(
        "H302", "A partial or parent names a template that does not exist",
        example: """
            {{<baseof}}{{$main}}{{> partials/tco}}{{/main}}{{/baseof}}
            """,
        message: """
            templates/tag.mustache:1:21: error: no template named 'partials/tco' [H302]
            hint: did you mean 'partials/toc'?
            """,
        fix: """
            Write the name of a template of the theme, as its path in templates/ without .mustache \
            ({{> partials/toc}} for templates/partials/toc.mustache), or add the template.
            """)

    public static let templateIncludesItself = DiagnosticCode(
        "H303", "A template includes itself, so it would render forever",
        example: """
            <nav>
            {{#hasToc}}{{> partials/toc}}{{/hasToc}}</nav>
            """,
        message: """
            templates/partials/toc.mustache:2:12: error: 'partials/toc' includes itself, so it would render forever [H303]
            hint: a template cannot include itself, directly, through another, or from a block it gives its own parent: remove this reference
            """,
        fix: """
            Remove the reference that closes the loop: a template may not include itself, directly, through \
            other templates (a → b → a, which the message lists), or from a {{$block}} it gives its own \
            {{<parent}}.
            """)

    // Template syntax: each found where the template is read, and the template is not used.

    public static let templateTagNotClosed = DiagnosticCode(
        "H304", "A template tag is not closed",
        example: """
            <p>
            {{{title}} and more</p>
            """,
        message: """
            templates/tags.mustache:2:1: error: this tag is not closed [H304]
            hint: end it with }} ({{{name}}} with }}})
            """,
        fix: "End the tag with }}, or with }}} when it opened with {{{.")

    public static let templateSectionNotClosed = DiagnosticCode(
        "H305", "A template section is never closed",
        example: """
            <p>
              {{#pages}}unclosed
            """,
        message: """
            templates/tags.mustache:2:3: error: {{#pages}} is never closed [H305]
            hint: close it with {{/pages}} where the section ends
            """,
        fix: """
            Every {{#name}}, {{^name}}, {{$name}} and {{<name}} needs its {{/name}} where it ends: add it.
            """)

    public static let templateCloseWithoutOpen = DiagnosticCode(
        "H306", "A template closes a section that was never opened",
        example: """
            <p>{{/pages}}</p>
            """,
        message: """
            templates/tags.mustache:1:4: error: {{/pages}} closes a section that was never opened [H306]
            hint: remove it, or open the section before it with {{#pages}}
            """,
        fix: "Remove the stray {{/name}}, or open the section before it with {{#name}}.")

    public static let templateCloseMismatch = DiagnosticCode(
        "H307", "A template closes sections in the wrong order",
        example: """
            {{#a}}
            {{^b}}x{{/a}}{{/b}}
            """,
        message: """
            templates/tags.mustache:2:8: error: {{/a}} does not close the open section {{^b}} [H307]
            hint: close {{^b}} (line 2) first with {{/b}}
            """,
        fix: """
            Sections nest: the one opened last is closed first. Swap the closing tags, or check the names in \
            them for a typo.
            """)

    public static let templateInvalidName = DiagnosticCode(
        "H308", "A template tag holds something that is not a name",
        example: """
            <h1>{{site..title}}</h1>
            """,
        message: """
            templates/page.mustache:1:5: error: 'site..title' is not a name [H308]
            hint: a name is letters, digits and dots: {{site.title}}
            """,
        fix: """
            Write the value's name with letters, digits and single dots between its parts, as in \
            {{site.title}}. docs/templates.md lists the names.
            """)

    public static let templateInvalidPartialName = DiagnosticCode(
        "H309", "A partial or parent tag's name is empty or has spaces",
        example: """
            <footer>{{> partials/page footer}}</footer>
            """,
        message: """
            templates/partials/page-footer.mustache:1:9: error: 'partials/page footer' is not a template name [H309]
            hint: write {{> partials/name}}
            """,
        fix: """
            Write the template's path in templates/ without .mustache and without spaces, as in \
            {{> partials/toc}}.
            """)

    public static let templateNotABlockInParent = DiagnosticCode(
        "H310", "Something other than a block is inside a parent tag",
        example: """
            {{<baseof}}
            <h1>{{title}}</h1>
            {{/baseof}}
            """,
        message: """
            templates/page.mustache:2:5: error: only {{$block}} overrides belong inside {{<baseof}} [H310]
            hint: move this into a {{$block}}, or out of the parent
            """,
        fix: """
            Between {{<parent}} and {{/parent}} only the blocks you give the parent count. Put the content \
            inside the block it belongs to ({{$main}}…{{/main}}), or move it out of the parent.
            """)

    public static let templateInvalidDelimiters = DiagnosticCode(
        "H311", "A delimiter tag is written wrongly",
        example: """
            {{=<%%>=}}
            """,
        message: """
            templates/partials/site-footer.mustache:1:1: error: this delimiter tag is not {{=open close=}} [H311]
            hint: write for example {{=<% %>=}}
            """,
        fix: """
            Write the new opening and closing delimiters with a space between them and = at both ends: \
            {{=<% %>=}}.
            """)

    public static let templateFunctionCall = DiagnosticCode(
        "H312", "A template calls a function",
        example: """
            <p>{{uppercased(title)}}</p>
            """,
        message: """
            templates/partials/page-footer.mustache:1:4: error: 'uppercased(title)' calls a function: Hearth's templates have no functions [H312]
            hint: write the name alone ({{title}}); docs/templates.md lists the values
            """,
        fix: """
            Hearth's templates are logic-less Mustache: they print values, they do not transform them. Write \
            the name alone; to show it differently, use a value Hearth provides (docs/templates.md) or CSS \
            (text-transform: uppercase).
            """)

    public static let templatePragma = DiagnosticCode(
        "H313", "A template uses a pragma",
        example: """
            <p>{{%CONTENT_TYPE:TEXT}}</p>
            """,
        message: """
            templates/partials/page-footer.mustache:1:4: error: pragmas ({{%…}}) are not supported [H313]
            hint: remove this tag
            """,
        fix: "Remove the {{%…}} tag: Hearth's templates take no pragmas.")

    public static let templateDynamicPartial = DiagnosticCode(
        "H314", "A partial is named by a value",
        example: """
            <p>{{>*kind}}</p>
            """,
        message: """
            templates/partials/page-footer.mustache:1:4: error: {{>*kind}} names its template by a value: Hearth's templates do not [H314]
            hint: name the template: {{> partials/name}}
            """,
        fix: """
            Name the template itself. To choose between templates, use sections: \
            {{#isExercise}}{{> partials/card}}{{/isExercise}}.
            """)

    // Names, checked against what each template is given.

    public static let templateUnknownName = DiagnosticCode(
        "H315", "A template names a value that is not there",
        example: """
            <footer>{{site.titel}}</footer>
            """,
        message: """
            templates/partials/site-footer.mustache:1:9: error: no value named 'titel' in site: {{site.titel}} [H315]
            hint: did you mean 'title'?
            hint: the names here: title, shortTitle, description, language, baseURL, base, assets, feedURL, searchURL, tagsURL, topics, sections, year, assetsVersion, section, exit (docs/templates.md)
            """,
        fix: """
            Use one of the names listed: those are the values this template is given here. Names from \
            other tools differ: a page's title is {{title}} (not page.title), the site's is \
            {{site.title}} (not config.title). docs/templates.md lists them all.
            """)

    public static let htmlEscaped = DiagnosticCode(
        "H316", "HTML is printed with two braces, so its tags show as text",
        example: """
            <div>{{ content }}</div>
            """,
        message: """
            templates/page.mustache:1:6: warning: 'content' is HTML: {{content}} escapes it, so its tags show as text [H316]
            hint: write {{{content}}} (three braces) to print it as HTML
            """,
        fix: """
            Print values that hold HTML (content, html, body, intro) with three braces: {{{content}}}. Two \
            braces escape them, and the page shows "<p>" as text.
            """)

    // A page's Markdown, as it is rendered.

    public static let imageWithoutAlt = DiagnosticCode(
        "H317", "An image has no alt text",
        example: """
            ---
            title: Listening First
            ---
            ![](https://example.org/two-chairs.jpg)
            """,
        message: """
            content/emotional/listening.md:4:1: warning: this image has no alt text [H317]
            hint: describe it for readers who cannot see it: ![what it shows](file.png)
            """,
        fix: """
            Between the square brackets, say in a few words what the image shows, for readers who hear the \
            page rather than see it: ![Two chairs, face to face](two-chairs.jpg).
            """)

    public static let rawHTMLLeftOut = DiagnosticCode(
        "H318", "Raw HTML is left out of the page",
        example: """
            ---
            title: Listening First
            ---
            Breathe in<br>and out.
            """,
        message: """
            content/emotional/listening.md:4:11: warning: raw HTML is left out of the page: <br> [H318]
            hint: write it in Markdown, or keep HTML you trust with unsafeHTML: true in site.yml
            """,
        fix: """
            Write it in Markdown instead (a line break is two spaces or a \\ at the end of the line). If \
            you wrote the HTML yourself and trust it, set unsafeHTML: true in content/site.yml.
            """)

    public static let shortcodeNotRun = DiagnosticCode(
        "H319", "A shortcode of another tool shows as written",
        example: """
            ---
            title: Listening First
            ---
            See {{< ref "/physical/hugs.md" >}}.
            """,
        message: """
            content/emotional/listening.md:4:5: warning: {{< ref "/physical/hugs.md" >}} is a Hugo shortcode: Hearth does not run it, so it shows as written [H319]
            hint: link to the page with [[physical/hugs]]
            """,
        fix: """
            Hugo shortcodes, Liquid tags and Zola shortcodes are not run by Hearth. Write a link to a page \
            as [[its title]] or [[its/path]], and anything else in Markdown.
            """)

    public static let tableWrittenWithPipes = DiagnosticCode(
        "H320", "A table written with '|' shows as plain text",
        example: """
            ---
            title: Listening First
            ---
            | Day | Minutes |
            |-----|---------|
            | Mon | 10      |
            """,
        message: """
            content/emotional/listening.md:4:1: warning: a table written with '|' is not CommonMark: it shows as plain text [H320]
            hint: write it as a list, or as an HTML <table> (with unsafeHTML: true in site.yml)
            """,
        fix: """
            Hearth reads CommonMark, which has no tables. Write the rows as a list (- Monday: 10 minutes), \
            or as an HTML <table> with unsafeHTML: true in content/site.yml.
            """)

    public static let timersExceedDuration = DiagnosticCode(
        "H321", "A card's step timers add up to more than its duration",
        example: """
            ---
            title: Soul Gazing
            duration: 5
            difficulty: gentle
            types: [emotional]
            ---
            ## Steps

            1. Sit facing each other. {2 min}
            2. Look into each other's eyes. {4 min}
            """,
        message: """
            content/exercises/soul-gazing/index.md:3:11: warning: the step timers add up to 6 min, more than the card's duration (5 min) [H321]
            hint: raise duration to at least 6, or shorten a timer
            """,
        fix: """
            A card's duration tells readers how long it takes, so it should cover its timers. Raise \
            duration to at least the timers' total, or shorten a timer.
            """)
}
