// The codes of the command line, the preview server and `hearth new` (H5xx). Each is declared
// once here, with its example, message and fix (docs/diagnostics.md and `hearth explain` are made
// from them), and listed in `commandCodes`.
extension DiagnosticCode {
    static let commandCodes: [DiagnosticCode] = [
        baseURLOptionInvalid, portOutOfRange, hostUnknown, portInUse, portNeedsRights, hostNotThisMachine,
        newTitleEmpty, newSectionUnknown, newTitleGivesNoName, newPageExists,
    ]

    public static let baseURLOptionInvalid = DiagnosticCode(
        "H501", "--base-url is not a base URL",
        example: "hearth build --base-url closer.example.org",
        message: """
            --base-url: error: 'baseURL' must be an absolute http(s) URL, found 'closer.example.org/' [H501]
            hint: e.g. --base-url https://example.org/guide/
            """,
        fix: "Give the whole address the site is published at, with its scheme: https://closer.example.org/.")

    public static let portOutOfRange = DiagnosticCode(
        "H502", "The port does not exist",
        example: "hearth serve --port 99999",
        message: """
            --port: error: port 99999 does not exist: ports go from 1 to 65535 [H502]
            hint: e.g. --port 8080 (--port 0 picks a free one)
            """,
        fix: "Pick a port from 1 to 65535, such as 8080, or --port 0 to let the system choose a free one.")

    public static let hostUnknown = DiagnosticCode(
        "H503", "The host is not a known address or name",
        example: "hearth serve --host my-laptop.lan",
        message: """
            --host: error: 'my-laptop.lan' is not an address or host name this machine knows [H503]
            hint: use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)
            """,
        fix: """
            Use 127.0.0.1 to preview on this machine only, or 0.0.0.0 to let a phone on the same network open \
            the preview.
            """)

    public static let portInUse = DiagnosticCode(
        "H504", "The port is already in use",
        example: "hearth serve   (while another hearth serve runs)",
        message: """
            --port: error: port 8080 on 127.0.0.1 is already in use [H504]
            hint: stop the other server, or pick another port: hearth serve --port 8081 (--port 0 picks a free one)
            """,
        fix: "Stop the other server (another `hearth serve`, perhaps in another terminal), or pick another port.")

    public static let portNeedsRights = DiagnosticCode(
        "H505", "The port needs administrator rights",
        example: "hearth serve --port 80",
        message: """
            --port: error: port 80 needs administrator rights [H505]
            hint: use a port above 1023, e.g. --port 8080
            """,
        fix: "Ports below 1024 are the system's. Preview on a port above 1023, such as 8080.")

    public static let hostNotThisMachine = DiagnosticCode(
        "H506", "The host is not an address of this machine",
        example: "hearth serve --host 192.168.1.99",
        message: """
            --host: error: 192.168.1.99 is not an address of this machine [H506]
            hint: use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)
            """,
        fix: "Listen on 127.0.0.1 (this machine only) or 0.0.0.0 (every network this machine is on).")

    public static let newTitleEmpty = DiagnosticCode(
        "H507", "hearth new: the title is empty",
        example: "hearth new exercise \"\"",
        message: """
            hearth: error: the title is empty [H507]
            hint: e.g. hearth new article emotional "Listening first"
            """,
        fix: "Give the new page a title in quotes: hearth new exercise \"Soul gazing\".")

    public static let newSectionUnknown = DiagnosticCode(
        "H508", "hearth new: there is no such section",
        example: "hearth new article emotinal \"Listening first\"",
        message: """
            content/emotinal: error: there is no section 'emotinal' [H508]
            hint: did you mean 'emotional'? known sections: emotional, physical, exercises
            """,
        fix: "Name one of the folders of content/, or create the folder first for a new section.")

    public static let newTitleGivesNoName = DiagnosticCode(
        "H509", "hearth new: the title gives no file name",
        example: "hearth new exercise \"???\"",
        message: """
            hearth: error: the title '???' gives no usable file name [H509]
            hint: use some letters or digits
            """,
        fix: "The file name is made from the title's letters and digits: use a title with some.")

    public static let newPageExists = DiagnosticCode(
        "H510", "hearth new: the page already exists",
        example: "hearth new exercise \"Soul gazing\"   (a second time)",
        message: """
            content/exercises/soul-gazing.md: error: content/exercises/soul-gazing.md already exists [H510]
            hint: choose another title, or edit the existing page
            """,
        fix: "Open the existing page to edit it, or choose another title for a new one.")
}
