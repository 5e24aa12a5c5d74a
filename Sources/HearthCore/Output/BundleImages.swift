import Foundation
import HearthFiles
import HearthMarkdown

// A page bundle's images are published without their metadata (`ImageMetadata`), unless site.yml
// says `images: keepMetadata: true`: each is planned first (a few runs of its bytes, kept by the
// memo layer under a digest of them), then copied through its plan with the other bundle files.

/// Problems found while writing the output, each at its file (an image that cannot be published):
/// the build reports them as they are, and fails.
struct OutputProblems: Error {
    var diagnostics: [Diagnostic]
}

extension SiteBuilder {
    /// What is published of one bundle image: its plan, made from bytes with this digest.
    struct ImageWork: Sendable {
        var kind: ImageMetadata.Kind
        var key: UInt64
        var plan: ImageMetadata.Plan
    }

    /// The plan of each bundle file that is a JPEG, PNG or WebP (nil for the others, and for all
    /// with `keepMetadata`), and a remark for each whose location is removed. The images that
    /// cannot be walked are errors at their files, thrown together.
    static func planImages(_ bundles: [BundleCopy], keepMetadata: Bool, plan: @escaping ImagePlan) async throws
        -> (work: [ImageWork?], notes: [Diagnostic])
    {
        guard !keepMetadata else { return (bundles.map { _ in nil }, []) }
        let results = await parallelMap(bundles) { copy -> Result<ImageWork?, Diagnostic> in
            guard let named = ImageMetadata.Kind(fileName: copy.source),
                let data = Files.read(copy.from.path)  // the copy reports it
            else { return .success(nil) }
            let bytes = Array(data)
            // A `.jpg` that is a PNG is read as the PNG it is.
            let kind = ImageMetadata.Kind(sniffing: bytes) ?? named
            let (key, outcome) = plan(copy.source, bytes, kind)
            switch outcome {
            case .plan(let made): return .success(ImageWork(kind: kind, key: key, plan: made))
            case .failed(let reason):
                return .failure(
                    .error(
                        .imageMetadataNotRemovable, copy.source, SourcePosition(line: 1, column: 1),
                        "this \(kind.name) cannot be published without its metadata: \(reason)",
                        hint:
                            "re-export the image, or set images: keepMetadata: true in site.yml to publish it as written"
                    ))
            }
        }
        var work: [ImageWork?] = []
        var notes: [Diagnostic] = []
        var problems: [Diagnostic] = []
        for (copy, result) in zip(bundles, results) {
            switch result {
            case .success(let image):
                work.append(image)
                if image?.plan.removedLocation == true {
                    notes.append(.remark(.imageLocationRemoved, copy.source, nil, "location removed"))
                }
            case .failure(let problem): problems.append(problem)
            }
        }
        if !problems.isEmpty { throw OutputProblems(diagnostics: problems) }
        return (work, notes)
    }

    /// Copies the page bundles' files into the staging folder, on every core: an image through its
    /// plan, the others as they are.
    static func copyBundles(_ bundles: [BundleCopy], images: [ImageWork?], to staging: OutputWriter.Staging)
        async throws
    {
        let results = await parallelMap(Array(zip(bundles, images))) { copy, image -> Result<Void, any Error> in
            Result {
                guard let data = Files.read(copy.from.path) else {
                    throw OutputWriter.Failure(description: "cannot read \(copy.from.path)")
                }
                var bytes = Array(data)
                if let image {
                    // The plan fits only the bytes it was made from: never publish others through it.
                    guard MemoKeys.image(bytes, kind: image.kind) == image.key, let out = image.plan.apply(to: bytes)
                    else {
                        throw OutputWriter.Failure(description: "\(copy.source) changed while the site was built")
                    }
                    bytes = out
                }
                try staging.write(OutputFile(path: copy.to, bytes: bytes))
            }
        }
        for result in results { try result.get() }
    }
}
