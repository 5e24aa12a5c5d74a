// The codes of output: the output folder, publishing, bundle images (H4xx). Each is declared once
// here, with its example, message and fix (docs/diagnostics.md and `hearth explain` are made from
// them), and listed in `outputCodes`.
extension DiagnosticCode {
    static let outputCodes: [DiagnosticCode] = [
        outputHoldsSources, outputHoldsOtherFiles, siteNotWritten, imagesNotRead, imageMetadataNotRemovable,
        imageLocationRemoved, exampleBaseURL,
    ]

    public static let outputHoldsSources = DiagnosticCode(
        "H401", "The output folder would hold the sources",
        example: "hearth build --output content",
        message: """
            --output: error: refusing to write the site into /home/sam/guide/content: it holds the sources [H401]
            hint: use an output folder of its own, such as public
            """,
        fix: """
            The output folder is replaced on every build, so it can never be the site's folder, content/ or \
            templates/, nor a folder above them. Build into a folder of its own: public/ is the default.
            """)

    public static let outputHoldsOtherFiles = DiagnosticCode(
        "H402", "The output folder holds files Hearth did not write",
        example: "hearth build --output ~/Documents",
        message: """
            --output: error: refusing to replace /home/sam/Documents: it holds files Hearth did not write, \
            such as 'taxes.pdf' [H402]
            hint: build into a new or empty folder; if this is an old site of another tool, delete it first
            """,
        fix: """
            Hearth replaces its output folder as a whole, and only one it wrote itself (it leaves a manifest \
            there). Choose a new or empty folder; if the folder is an old site made by another tool, delete it \
            first.
            """)

    public static let siteNotWritten = DiagnosticCode(
        "H403", "The site could not be written",
        example: "hearth build   (with the disk full, or public/ read-only)",
        message: """
            public: error: the site could not be written: No space left on device [H403]
            hint: the previous output is left as it was
            """,
        fix: """
            The system refused a write; the message says why. Free some space or fix the folder's permissions, \
            then build again. The last good site in the output folder is untouched.
            """)

    public static let imagesNotRead = DiagnosticCode(
        "H404", "The images could not be read",
        example: "content/physical/window/chairs.jpg   (unreadable: permission denied)",
        message: "public: error: the images could not be read: Permission denied [H404]",
        fix: "Make the page bundles' images readable (chmod a+r), then build again.")

    public static let imageMetadataNotRemovable = DiagnosticCode(
        "H405", "An image cannot be published without its metadata",
        example: "content/physical/window/chairs.jpg   (a JPEG cut short by an interrupted copy)",
        message: """
            content/physical/window/chairs.jpg:1:1: error: this JPEG cannot be published without its metadata: \
            the JPEG is cut short: it ends before its end marker (FF D9) [H405]
            hint: re-export the image, or set images: keepMetadata: true in site.yml to publish it as written
            """,
        fix: """
            Hearth removes where and with what a photo was taken before publishing it, and it could not read \
            this image well enough to do so. Export it again from a photo editor. If you are sure it holds \
            nothing private, `images: keepMetadata: true` in site.yml publishes images as written.
            """)

    public static let imageLocationRemoved = DiagnosticCode(
        "H406", "An image's location was removed",
        example: "content/physical/window/chairs.jpg   (a phone photo with GPS coordinates)",
        message: "content/physical/window/chairs.jpg: location removed [H406]",
        fix: """
            Nothing to fix: this remark says that the photo held the place it was taken, and that the published \
            copy does not. The file in content/ is left as it is.
            """)

    public static let exampleBaseURL = DiagnosticCode(
        "H407", "The base URL is an example address",
        example: "baseURL: https://closer.example/",
        message: """
            content/site.yml:2:10: warning: the base URL https://closer.example/ is an example address: the \
            canonical links, the feed and the sitemap point to it [H407]
            hint: set baseURL in site.yml to the address the site is published at (or pass --base-url)
            """,
        fix: """
            Example domains (example.com, .org, .net and *.example) never reach a real site. Before publishing, \
            set `baseURL` in site.yml to the address the site will live at, or pass --base-url to the build.
            """)
}
