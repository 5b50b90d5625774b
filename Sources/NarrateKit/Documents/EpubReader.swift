import Foundation
import SWXMLHash
import ZIPFoundation

/// Reads an EPUB (2 or 3) as a story: the spine's documents in reading order as paragraphs
/// (`MarkupText`), chapters from its table of contents (the EPUB 3 navigation document, or an
/// EPUB 2 NCX), title and author from the package metadata. ZIP through ZIPFoundation, XML
/// through SWXMLHash.
enum EpubReader {
    static func load(contentsOf url: URL) throws(NarrateError) -> SourceText {
        let book = url.path
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw NarrateError(.input, "\(book) is not an EPUB (it is not a ZIP archive, or it is damaged); give an .epub book, or its text as a .txt file")
        }
        var budget = SourceText.maximumBytes
        func read(_ path: String) throws(NarrateError) -> Data {
            guard let entry = archive[path] else {
                throw NarrateError(.input, "\(book) lacks \(path), which its package lists; the EPUB is damaged: repair it, e.g. with Calibre's ebook-convert")
            }
            guard entry.uncompressedSize <= UInt64(budget) else {
                throw NarrateError(.input, "\(book) holds more than \(SourceText.maximumBytes / 1_048_576) MB of text, more than any book; give one book at a time")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    data.append(chunk)
                    // The sizes in a ZIP are only claims: stop at the budget whatever it said.
                    if data.count > budget { throw CocoaError(.fileReadTooLarge) }
                }
            } catch {
                throw NarrateError(.input, "\(book): \(path) cannot be unpacked (\(data.count > budget ? "too large" : "damaged")); repair the EPUB, e.g. with Calibre's ebook-convert")
            }
            budget -= data.count
            return data
        }

        if let encryption = archive["META-INF/encryption.xml"], encryption.uncompressedSize > 0,
           String(decoding: try read("META-INF/encryption.xml"), as: UTF8.self).contains("EncryptedData") {
            throw NarrateError(.input, "\(book) is encrypted (DRM); narrate reads only DRM-free EPUBs")
        }
        let container = try MarkupText.parse(try read("META-INF/container.xml"), file: "META-INF/container.xml", book: book)
        guard let packagePath = container["container"]["rootfiles"]["rootfile"].all.compactMap({ $0.element?.attribute(by: "full-path")?.text }).first else {
            throw NarrateError(.input, "\(book) names no package document in META-INF/container.xml; is it an EPUB?")
        }
        let folder = (packagePath as NSString).deletingLastPathComponent
        func resolve(_ href: String, from base: String) -> String {
            let plain = href.removingPercentEncoding ?? href
            var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
            for part in plain.split(separator: "/") {
                if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
            }
            return parts.joined(separator: "/")
        }
        let package = try MarkupText.parse(try read(packagePath), file: packagePath, book: book)["package"]
        let metadata = package["metadata"]
        func firstText(_ name: String) -> String? {
            metadata[name].all.compactMap { $0.element?.recursiveText.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        }
        struct Item { let path: String, mediaType: String, properties: String }
        var items: [String: Item] = [:]
        for item in package["manifest"]["item"].all {
            guard let element = item.element, let id = element.attribute(by: "id")?.text, let href = element.attribute(by: "href")?.text else { continue }
            items[id] = Item(
                path: resolve(href, from: folder), mediaType: element.attribute(by: "media-type")?.text ?? "",
                properties: element.attribute(by: "properties")?.text ?? "")
        }
        let spine = package["spine"]
        let documents = spine["itemref"].all.compactMap { reference -> Item? in
            guard let element = reference.element, element.attribute(by: "linear")?.text != "no",
                  let id = element.attribute(by: "idref")?.text, let item = items[id], item.mediaType.contains("html"),
                  // The table of contents is for the eye: an audiobook has its chapter marks.
                  !item.properties.split(separator: " ").contains("nav") else { return nil }
            return item
        }
        guard !documents.isEmpty else {
            throw NarrateError(.input, "\(book) has no documents to read in its spine; is it an EPUB of a book?")
        }

        var markup = MarkupText()
        for document in documents {
            let parsed = try MarkupText.parse(try read(document.path), file: document.path, book: book)
            guard let body = parsed["html"]["body"].element else { continue }
            markup.append(body, file: document.path)
        }
        guard markup.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw NarrateError(.input, "\(book) has no text to read (only images, or empty pages)")
        }

        // The table of contents: EPUB 3's navigation document, else EPUB 2's NCX.
        var entries: [(title: String, target: String, depth: Int)] = []
        if let navigation = items.values.first(where: { $0.properties.split(separator: " ").contains("nav") }) {
            let parsed = try MarkupText.parse(try read(navigation.path), file: navigation.path, book: book)
            let base = (navigation.path as NSString).deletingLastPathComponent
            let navs = parsed["html"]["body"].descendants("nav")
            let toc = navs.first { $0.allAttributes.contains { $0.key.hasSuffix("type") && $0.value.text.contains("toc") } } ?? navs.first
            func walk(_ list: SWXMLHash.XMLElement, depth: Int) {
                for item in list.childElements where item.name == "li" {
                    if let link = item.childElements.first(where: { $0.name == "a" }), let href = link.attribute(by: "href")?.text {
                        entries.append((link.recursiveText, resolveTarget(href, from: base), depth))
                    }
                    for sublist in item.childElements where sublist.name == "ol" || sublist.name == "ul" { walk(sublist, depth: depth + 1) }
                }
            }
            if let toc { for list in toc.childElements where list.name == "ol" || list.name == "ul" { walk(list, depth: 0) } }
        } else if let ncxID = spine.element?.attribute(by: "toc")?.text, let ncx = items[ncxID] {
            let parsed = try MarkupText.parse(try read(ncx.path), file: ncx.path, book: book)
            let base = (ncx.path as NSString).deletingLastPathComponent
            func walk(_ point: XMLIndexer, depth: Int) {
                for child in point["navPoint"].all {
                    if let source = child["content"].element?.attribute(by: "src")?.text {
                        entries.append((child["navLabel"]["text"].element?.recursiveText ?? "", resolveTarget(source, from: base), depth))
                    }
                    walk(child, depth: depth + 1)
                }
            }
            walk(parsed["ncx"]["navMap"], depth: 0)
        }
        func resolveTarget(_ href: String, from base: String) -> String {
            let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
            let path = resolve(parts.first ?? "", from: base)
            return parts.count > 1 ? "\(path)#\(parts[1])" : path
        }

        var structure = DocumentStructure(format: "EPUB", title: firstText("title"), author: firstText("creator"), headings: markup.headings)
        // Entries the text holds (not the cover or a page of images), in reading order; the
        // deepest level is the chapters', anything above it (or named so) parts.
        var marks: [(title: String, start: Int, depth: Int)] = []
        for entry in entries {
            guard let start = markup.anchors[entry.target] ?? markup.anchors[String(entry.target.split(separator: "#").first ?? "")] else { continue }
            let title = entry.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !title.isEmpty, !marks.contains(where: { $0.start == start }) else { continue }
            marks.append((title, start, entry.depth))
        }
        marks.sort { $0.start < $1.start }
        let deepest = marks.map(\.depth).max() ?? 0
        if !marks.isEmpty {
            structure.chapters = marks.map { .init(title: $0.title, start: $0.start, level: $0.depth < deepest || DocumentStructure.namesPart($0.title) ? 1 : 2) }
        }
        return SourceText(name: url.deletingPathExtension().lastPathComponent, text: markup.text, structure: structure)
    }
}

extension SWXMLHash.XMLElement {
    fileprivate var childElements: [SWXMLHash.XMLElement] { children.compactMap { $0 as? SWXMLHash.XMLElement } }
}

extension XMLIndexer {
    /// Every element named `name` at any depth below, in document order.
    fileprivate func descendants(_ name: String) -> [SWXMLHash.XMLElement] {
        var found: [SWXMLHash.XMLElement] = []
        func visit(_ element: SWXMLHash.XMLElement) {
            for child in element.children.compactMap({ $0 as? SWXMLHash.XMLElement }) {
                if child.name == name { found.append(child) }
                visit(child)
            }
        }
        if let element { visit(element) }
        return found
    }
}
