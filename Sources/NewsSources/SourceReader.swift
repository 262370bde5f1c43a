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

    /// The size limits every document and JSON line must keep (``InputLimits/default`` unless given).
    public var limits: InputLimits

    /// Creates a reader that refuses documents and JSON lines over `limits`.
    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// The files to read for `paths`: files as given, folders walked recursively (known extensions, sorted).
    public func files(for paths: [String]) -> (files: [String], problems: [SourceProblem]) {
        var files: [String] = []
        var problems: [SourceProblem] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(SourceProblem(input: path, reason: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                problems.append(SourceProblem(input: path, reason: "cannot list the folder"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let ext = (relative as NSString).pathExtension.lowercased()
                if Self.knownExtensions.contains(ext) && !(relative as NSString).lastPathComponent.hasPrefix(".") {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            files += found.sorted()
        }
        return (files, problems)
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
        let text: String
        do { text = try TextInput.read(path) } catch {
            return SourceReadResult(problems: [SourceProblem(input: error.input, reason: error.reason)])
        }
        return read(text: text, input: path, format: Self.format(of: path, text: text))
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
