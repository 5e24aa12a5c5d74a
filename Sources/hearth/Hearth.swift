import ArgumentParser
import Foundation
import HearthCore
import HearthServer

@main
struct Hearth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearth",
        abstract: "Builds the guide: Markdown in content/, Mustache templates in templates/, a static site in public/.",
        version: HearthVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Explain.self]
    )
}

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder, holding content/ and templates/.")
    var source: String = "."

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print more about what happens.")
    var verbose = false

    @Option(name: .long, help: "How to print problems: text, or json (one object per line).")
    var format: ConsoleOptions.Format = .text

    @Flag(name: .long, help: "Ignore the build cache in .hearth-cache/ and make everything anew.")
    var noCache = false

    var root: URL {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    var console: ConsoleOptions {
        ConsoleOptions(format: format, quiet: quiet, verbose: verbose)
    }
}

extension ConsoleOptions.Format: ExpressibleByArgument {}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads content/ and templates/, checks every page and link, and writes the site to the output \
            folder. When anything is wrong, nothing is written and the previous site stays as it was.

            Examples:
              hearth build
              hearth build --drafts --output /tmp/preview
              hearth build --base-url https://example.org/guide/
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: [.short, .long], help: "Where to write the site.")
    var output: String = "public"

    @Option(name: .long, help: "Use this base URL instead of the one in site.yml.")
    var baseURL: String?

    func run() async throws {
        let line = ProgressLine(options: site.console)
        var options = BuildOptions(root: site.root, output: output, baseURL: baseURL, includeDrafts: site.drafts)
        options.useCache = !site.noCache
        options.progress = line.update
        options.freesMemory = false
        options.warnsOfExampleBaseURL = true
        let report = await SiteBuilder.build(options)
        line.finish()
        Console.report(report, root: site.root, options: site.console)
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check everything a build checks, without writing anything.",
        discussion: """
            Front matter, links, anchors and templates are all verified; exit status 1 when there is an \
            error (with --strict, also when there is a warning).

            Examples:
              hearth check
              hearth check --strict --format json
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        let line = ProgressLine(options: site.console)
        var options = BuildOptions(root: site.root, includeDrafts: site.drafts, writeOutput: false)
        options.useCache = !site.noCache
        options.progress = line.update
        options.freesMemory = false
        var report = await SiteBuilder.build(options)
        line.finish()
        if strict { report.diagnostics = report.diagnostics.strict() }
        Console.report(report, root: site.root, options: site.console, verb: "Checked")
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve the output folder, and rebuild and reload on every save.",
        discussion: """
            Open pages reload after each successful rebuild; when a rebuild fails, the last good site \
            stays and every open page shows the problems with their file:line:col. Ctrl-C stops.

            Examples:
              hearth serve
              hearth serve --port 9000 --drafts
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: [.short, .long], help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: [.short, .long], help: "The output folder to build into and serve.")
    var output = "public"

    func run() async throws {
        let root = site.root
        let console = site.console
        var options = BuildOptions(root: root, output: output, includeDrafts: site.drafts)
        options.useCache = !site.noCache
        do {
            try await PreviewServer.run(
                PreviewServer.Configuration(build: options, host: host, port: port),
                onReady: { url in Console.standardError("Serving \(url) (Ctrl-C to stop)\n") },
                onBuild: { report in Console.report(report, root: root, options: console) })
        } catch let diagnostic as Diagnostic {
            Console.standardError(DiagnosticPrinter(root: root, color: Console.stderrWantsColor()).render(diagnostic))
            throw ExitCode(1)
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new article or exercise card, as a draft.",
        discussion: """
            Examples:
              hearth new article emotional "Listening first"
              hearth new exercise "Soul gazing"
            """
    )

    @Argument(help: "article or exercise")
    var kind: String

    @Argument(help: "For an article: the section, then the title. For an exercise: the title.")
    var words: [String]

    @Option(name: .long, help: "The site's folder, holding content/ and templates/.")
    var source: String = "."

    /// Checked while the arguments are parsed, so that a mistake prints `new`'s usage (an error
    /// thrown from `run` prints the top level's).
    func validate() throws {
        guard let kind = Scaffold.Kind(rawValue: kind) else {
            throw ValidationError("the first argument is 'article' or 'exercise', not '\(kind)'")
        }
        switch (kind, words.count) {
        case (.article, 2), (.exercise, 1): return
        case (.article, _):
            throw ValidationError("an article takes a section and a title: hearth new article <section> \"Title\"")
        case (.exercise, _): throw ValidationError("an exercise takes one title: hearth new exercise \"Title\"")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: source).standardizedFileURL
        let kind = Scaffold.Kind(rawValue: kind) ?? .article
        let (section, title) = kind == .article ? (Optional(words[0]), words[1]) : (nil, words[0])
        do {
            let created = try Scaffold.create(kind, section: section, title: title, root: root)
            Console.standardOutput(
                "Created \(created.path)\nPreview: http://127.0.0.1:8080\(created.url) (with hearth serve --drafts)\n")
        } catch let diagnostic as Diagnostic {
            let printer = DiagnosticPrinter(root: root, color: Console.stderrWantsColor())
            Console.standardError(printer.render(diagnostic))
            throw ExitCode(1)
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what a diagnostic's code means, with an example and the fix.",
        discussion: """
            Examples:
              hearth explain H101
              hearth explain          (lists every code)
            """
    )

    @Argument(help: "A code printed after a problem, like H101.")
    var code: String?

    func run() throws {
        guard let code else {
            Console.standardOutput(DiagnosticCode.index)
            return
        }
        // As printed after a problem (`[H101]`) or as typed.
        let written = code.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
        guard let found = DiagnosticCode.named(written) else {
            Console.standardError(
                "error: no diagnostic has the code '\(code)'\n"
                    + "hint: codes are an H and three digits, printed in brackets after a problem; "
                    + "'hearth explain' lists them all\n")
            throw ExitCode(1)
        }
        Console.standardOutput(found.explanation)
    }
}
