import ArgumentParser
import Foundation
import HearthCore

@main
struct Hearth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearth",
        abstract: "Builds the guide: Markdown in content/, Mustache templates in templates/, a static site in public/.",
        version: HearthVersion.current,
        subcommands: [Build.self, Check.self]
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
            Reads content/ and templates/, checks every page and link, and writes the site to the output
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
        let options = BuildOptions(
            root: site.root, output: output, baseURL: baseURL, includeDrafts: site.drafts)
        let report = await SiteBuilder.build(options)
        Console.report(report, root: site.root, options: site.console)
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check everything a build checks, without writing anything.",
        discussion: """
            Front matter, links, anchors and templates are all verified; exit status 1 when there is an
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
        var report = await SiteBuilder.build(
            BuildOptions(root: site.root, includeDrafts: site.drafts, writeOutput: false))
        if strict { report.diagnostics = report.diagnostics.strict() }
        Console.report(report, root: site.root, options: site.console, verb: "Checked")
        if !report.succeeded { throw ExitCode(1) }
    }
}
