public import Formats
import Foundation

/// Reads any supported input: picks the format from the extension (and the content for XML),
/// expands folders recursively, and reports every problem with the input's name (and line).
public struct SourceReader: Sendable {
    /// Input formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, jsonl, html, feed
    }

    /// Extensions read when walking a folder.
    public static let knownExtensions: Set<String> = ["txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "xml", "rss", "atom"]

    /// Lists a folder's entries (tests stand in a folder that cannot be listed: as root every folder can).
    let listFolder: @Sendable (String) throws -> [String]

    /// The size limits every document and JSON line must keep (``InputLimits/default`` unless given).
    public var limits: InputLimits

    /// Creates a reader that refuses documents and JSON lines over `limits`.
    public init(limits: InputLimits = .default) {
        self.init(listFolder: { try FileManager.default.contentsOfDirectory(atPath: $0) }, limits: limits)
    }

    init(listFolder: @escaping @Sendable (String) throws -> [String], limits: InputLimits = .default) {
        self.listFolder = listFolder
        self.limits = limits
    }

    /// One file to read and the name its documents carry as their origin.
    public struct InputFile: Sendable, Equatable {
        /// Where the file is, as the caller can open it.
        public var path: String
        /// The name shown for it (a document's `origin`): the file name for a file given as such, the folder's name
        /// and the path inside it for a file found in a folder, so no absolute path of the machine is stored or served.
        public var origin: String

        /// Creates an input; `origin` defaults to the path.
        public init(path: String, origin: String? = nil) {
            self.path = path
            self.origin = origin ?? path
        }
    }

    /// The files to read for `paths`: files as given, folders walked recursively (known extensions, sorted).
    /// See ``inputs(for:followLinks:)``.
    public func files(for paths: [String], followLinks: Bool = false) -> (files: [String], problems: [SourceProblem]) {
        let (inputs, problems) = inputs(for: paths, followLinks: followLinks)
        return (inputs.map(\.path), problems)
    }

    /// The files to read for `paths`: files as given, folders walked recursively (known extensions, sorted).
    ///
    /// A subfolder that cannot be listed is a problem naming it (the caller fails), never skipped in silence.
    /// Symbolic links inside a folder are followed only while they stay inside the given folders: a link out of
    /// them (to `/etc/passwd`, say) is a problem and is not read, unless `followLinks` is true. Paths given as
    /// arguments are read as given, links or not: the user named them.
    public func inputs(for paths: [String], followLinks: Bool = false) -> (inputs: [InputFile], problems: [SourceProblem]) {
        var inputs: [InputFile] = []
        var problems: [SourceProblem] = []
        let fileManager = FileManager.default
        let roots = paths.compactMap { path -> String? in
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return Self.resolved(path)
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(SourceProblem(input: path, reason: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(InputFile(path: path, origin: (path as NSString).lastPathComponent))
                continue
            }
            let name = (Self.resolved(path) as NSString).lastPathComponent
            var found: [InputFile] = []
            var visited: Set<String> = [Self.resolved(path)]
            // Depth-first with an explicit stack: no recursion proportional to the depth of the tree.
            var pending: [String] = [""]
            while let relativeFolder = pending.popLast() {
                let folder = relativeFolder.isEmpty ? path : (path as NSString).appendingPathComponent(relativeFolder)
                let entries: [String]
                do { entries = try listFolder(folder) } catch {
                    problems.append(SourceProblem(input: folder, reason: "cannot list the folder (permission denied?); its files were not read"))
                    continue
                }
                for entry in entries {
                    let relative = relativeFolder.isEmpty ? entry : (relativeFolder as NSString).appendingPathComponent(entry)
                    let full = (path as NSString).appendingPathComponent(relative)
                    guard let type = (try? fileManager.attributesOfItem(atPath: full))?[.type] as? FileAttributeType else { continue }
                    var isFolder = type == .typeDirectory
                    if type == .typeSymbolicLink {
                        let target = Self.resolved(full)
                        guard followLinks || roots.contains(where: { Self.isInside(target, $0) }) else {
                            problems.append(SourceProblem(
                                input: full, reason: "is a symbolic link out of the given folders (to \(target)); not followed without --follow-links"
                            ))
                            continue
                        }
                        var targetIsFolder: ObjCBool = false
                        guard fileManager.fileExists(atPath: full, isDirectory: &targetIsFolder) else {
                            problems.append(SourceProblem(input: full, reason: "is a broken symbolic link"))
                            continue
                        }
                        isFolder = targetIsFolder.boolValue
                        // A link back up the tree would be walked forever.
                        if isFolder { guard visited.insert(target).inserted else { continue } }
                    } else if isFolder {
                        guard visited.insert(Self.resolved(full)).inserted else { continue }
                    }
                    if isFolder {
                        pending.append(relative)
                    } else if !entry.hasPrefix("."), Self.knownExtensions.contains((entry as NSString).pathExtension.lowercased()) {
                        found.append(InputFile(path: full, origin: (name as NSString).appendingPathComponent(relative)))
                    }
                }
            }
            inputs += found.sorted { $0.path < $1.path }
        }
        return (inputs, problems)
    }

    /// `path` made absolute with every symbolic link resolved.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// True when `path` is `root` or inside it (both resolved).
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The format of a file, from its extension and, for XML, its content.
    public static func format(of path: String, text: String) -> Format {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "rss", "atom": return .feed
        case "xml": return FeedReader.looksLikeFeed(text) ? .feed : .html
        case "html", "htm", "xhtml": return .html
        default:
            let head = text.prefix(512).lowercased()
            if head.contains("<!doctype html") || head.contains("<html") { return .html }
            if head.hasPrefix("<?xml") && FeedReader.looksLikeFeed(text) { return .feed }
            return .text
        }
    }

    /// Reads one file (validated UTF-8 text) into documents; unreadable files give one problem.
    public func read(file path: String) -> SourceReadResult {
        read(InputFile(path: path))
    }

    /// Reads one input file into documents whose origin is the input's ``InputFile/origin``; problems name its path.
    public func read(_ input: InputFile) -> SourceReadResult {
        let text: String
        do { text = try TextInput.read(input.path) } catch {
            return SourceReadResult(problems: [SourceProblem(input: error.input, reason: error.reason)])
        }
        var result = read(text: text, input: input.origin, format: Self.format(of: input.path, text: text))
        // The documents carry the short origin; the problems name the file as the user can find it.
        if input.origin != input.path {
            result.problems = result.problems.map { problem in
                let input = problem.input.hasPrefix(input.origin) ? input.path + problem.input.dropFirst(input.origin.count) : problem.input
                return SourceProblem(input: input, reason: problem.reason)
            }
        }
        return result
    }

    /// Reads text already in memory (`input` names it) in the given format; a document over ``limits`` is a problem
    /// named by its origin, and the other documents are still read.
    public func read(text: String, input: String, format: Format) -> SourceReadResult {
        var result = unlimitedRead(text: text, input: input, format: format)
        var kept: [SourceDocument] = []
        for document in result.documents {
            do throws(TextInput.Failure) {
                try limits.check(document: document.text, input: document.origin)
                kept.append(document)
            } catch {
                result.problems.append(error)
            }
        }
        result.documents = kept
        return result
    }

    private func unlimitedRead(text: String, input: String, format: Format) -> SourceReadResult {
        switch format {
        case .text: return PlainTextReader().read(text, input: input)
        case .jsonl: return JSONLinesReader(limits: limits).read(text, input: input)
        case .feed: return FeedReader().read(text, input: input)
        case .html:
            let page = HTMLExtractor().extract(text)
            guard !page.text.isEmpty else {
                return SourceReadResult(problems: [SourceProblem(input: input, reason: "no main text found in the HTML")])
            }
            return SourceReadResult(documents: [SourceDocument(
                title: page.title, text: page.text, url: page.url, source: page.source, published: page.published, origin: input
            )])
        }
    }
}
