// swift-tools-version:6.1
import CompilerPluginSupport
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

// Linux only: the build and the preview server use Linux's APIs (inotify, /proc, glibc) directly,
// so no Apple platform is declared.
let package = Package(
    name: "Hearth",
    products: [
        .executable(name: "hearth", targets: ["hearth"]),
        .library(name: "HearthCore", targets: ["HearthCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // No traits: Hummingbird's two default traits reached swiftc as -D flags in an order that
        // differed between the first build of a fresh clone and the next, so the second
        // `make site` recompiled HummingbirdCore and Hummingbird (22 s). Neither is used here:
        // ConfigurationSupport builds swift-configuration, FullFoundation only URL-encoded forms.
        .package(
            url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // For the one macro: a front matter field declared once (`HearthMacros`).
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        // cmark's C API, seen by HearthMarkdown and the arena it parses into.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The Linux calls Swift's Glibc module leaves out (renameat2), declared as glibc exports them.
        .systemLibrary(name: "CLinux"),
        // The one file layer: reading, writing, walking, renaming, over swift-system and CLinux.
        .target(
            name: "HearthFiles",
            dependencies: ["CLinux", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        // `@FrontMatterFields`: a front matter key's cache visits, key lists, Markdown inputs and
        // template fields, written from its one declaration in `PageMeta`.
        .macro(
            name: "HearthMacros",
            dependencies: [
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ],
            swiftSettings: strict
        ),
        // A per-thread arena for cmark's parser and nodes, freed a document at a time (C: the
        // allocator cmark calls is a C function table).
        .target(name: "CmarkArena", dependencies: ["CCmark"]),
        // Markdown: cmark documents, wikilinks, heading ids, link rewriting. Knows nothing of sites.
        .target(
            name: "HearthMarkdown",
            dependencies: ["CCmark", "CmarkArena"],
            swiftSettings: strict
        ),
        // Mustache templates compiled against the types of their contexts. Knows nothing of sites:
        // contexts describe their fields to it (`TemplateFielded`).
        .target(
            name: "HearthTemplates",
            swiftSettings: strict
        ),
        // The build, as stages in folders: Content/ (files, front matter, site.yml), Links/ (the
        // permalink table, resolution, related pages, backlinks, sections), Render/ (Markdown,
        // template contexts, the theme), Output/ (staging, manifest, the site's files); Build/ is
        // the driver, Memo/ the one layer that remembers (docs/architecture.md).
        .target(
            name: "HearthCore",
            dependencies: [
                "HearthMarkdown",
                "HearthTemplates",
                "HearthFiles",
                "HearthMacros",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        // The preview server: serves the output folder, watches sources, live reload.
        .target(
            name: "HearthServer",
            dependencies: [
                "HearthCore",
                "HearthFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // The command line: options in, library calls out.
        .executableTarget(
            name: "hearth",
            dependencies: [
                "HearthCore",
                "HearthServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // gperftools' thread-caching malloc (Debian's libtcmalloc-minimal4): cmark and the
            // Swift runtime allocate on every core at once, and glibc's malloc made the parallel
            // phases up to twice as slow as their single-core cost.
            linkerSettings: [
                .linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))
            ]
        ),
        // `make theme`: embeds templates/ into HearthCore as its default theme.
        .executableTarget(
            name: "embed-theme",
            swiftSettings: strict
        ),
        .testTarget(
            name: "HearthMarkdownTests",
            dependencies: ["HearthMarkdown"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HearthTemplatesTests",
            dependencies: ["HearthTemplates"],
            resources: [.copy("MustacheSpec")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HearthCoreTests",
            dependencies: ["HearthCore", "HearthMarkdown"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HearthFilesTests",
            dependencies: ["HearthFiles"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HearthServerTests",
            dependencies: ["HearthServer", "HearthCore"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
