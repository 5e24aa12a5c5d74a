import HearthFiles

/// A page's rendered Markdown: held in memory, or set aside in the build's scratch file when the
/// site is large (`ScratchFile`; 6.7 KB a page, 335 MB of the 50,000-page corpus, would otherwise
/// wait in memory from the Markdown stage to the templates). Read back each time it is asked for:
/// the templates ask once a page, the deck and a path's pages once more.
enum PageHTML: Sendable {
    case held(String)
    case spilled(ScratchFile, Range<Int>)

    var text: String {
        switch self {
        case .held(let text): text
        case .spilled(let file, let range): file.string(at: range) ?? ""
        }
    }

    /// Set aside in `file`; held as it is when there is no file or it cannot be written.
    func spilled(into file: ScratchFile?) -> PageHTML {
        guard let file, case .held(var text) = self, !text.isEmpty else { return self }
        let range = text.withUTF8 { file.keep(UnsafeRawBufferPointer($0)) }
        return range.map { .spilled(file, $0) } ?? self
    }
}

// The cache file has the text itself, as it had before pages could be set aside.
extension PageHTML: CacheField {
    func write(to writer: inout ByteWriter) { writer.string(text) }
    static func read(from reader: inout ByteReader) throws -> PageHTML { .held(try reader.string()) }
}
