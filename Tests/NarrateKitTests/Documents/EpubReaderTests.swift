import Foundation
import Testing
import ZIPFoundation

@testable import NarrateKit

/// An EPUB 2 as older books are made: an NCX table of contents with parts, HTML entities that
/// XML does not know, italics, line breaks, a scene break, a footnote marker.
@Suite struct EpubReaderTests {
    static let container = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="book/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """
    static let package = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
          <metadata><dc:title>The  Ferry</dc:title><dc:creator>Ann Example</dc:creator></metadata>
          <manifest>
            <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
            <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
            <item id="one" href="pages/one%20a.xhtml" media-type="application/xhtml+xml"/>
            <item id="two" href="pages/two.xhtml" media-type="application/xhtml+xml"/>
          </manifest>
          <spine toc="ncx"><itemref idref="cover" linear="no"/><itemref idref="one"/><itemref idref="two"/></spine>
        </package>
        """
    static let ncx = """
        <?xml version="1.0" encoding="utf-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
          <navPoint id="p1"><navLabel><text>Part One</text></navLabel><content src="pages/one%20a.xhtml"/>
            <navPoint id="c1"><navLabel><text>I. The  Crossing</text></navLabel><content src="pages/one%20a.xhtml#c1"/></navPoint>
            <navPoint id="c2"><navLabel><text>II. Morning</text></navLabel><content src="pages/two.xhtml#top"/></navPoint>
          </navPoint>
        </navMap></ncx>
        """
    static let one = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title><style>p{margin:0}</style></head>
        <body><h1>PART ONE</h1>
        <div class="chapter"><h2 id="c1">I.<br/>The Crossing</h2>
        <p>The ferry came in <i>very</i> late.&nbsp;&ldquo;Nobody
           waiting?&rdquo; asked the captain&mdash;twice.<a epub:type="noteref" href="#n1"><sup>1</sup></a></p>
        <hr/>
        <p class="verse">Row, row,<br/>row the boat</p></div></body></html>
        """
    static let two = """
        <?xml version="1.0" encoding="utf-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><body><section id="top"><h2>II. Morning</h2>
        <p>&ldquo;Here at last,&rdquo; said Nell &amp; smiled.&unknownentity;</p></section></body></html>
        """

    func epub(_ files: [String: String], name: String = "ferry.epub") throws -> URL {
        let folder = try ScratchFolder.make("epub")
        let url = folder.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in [("mimetype", "application/epub+zip")] + files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: path == "mimetype" ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    var book: [String: String] {
        [
            "META-INF/container.xml": Self.container, "book/package.opf": Self.package, "book/toc.ncx": Self.ncx,
            "book/cover.xhtml": "<html><body><p>COVER</p></body></html>", "book/pages/one a.xhtml": Self.one, "book/pages/two.xhtml": Self.two,
        ]
    }

    @Test func theSpineReadsAsParagraphsWithItsMarkup() throws {
        let source = try DocumentReader.load(contentsOf: try epub(book))
        #expect(source.name == "ferry")
        #expect(source[0..<source.count] == """
            PART ONE

            I. The Crossing

            The ferry came in _very_ late.\u{A0}“Nobody waiting?” asked the captain—twice.

            * * *

            Row, row,
            row the boat

            II. Morning

            “Here at last,” said Nell & smiled.
            """)
        let structure = try #require(source.structure)
        #expect(structure.title == "The  Ferry" && structure.author == "Ann Example")
        #expect(structure.headings.map(\.level) == [1, 2, 2])
    }

    @Test func chaptersComeFromTheTableOfContentsWithParts() throws {
        let script = ScriptBuilder().build(try DocumentReader.load(contentsOf: try epub(book)))
        #expect(script.chapters.map(\.title) == ["Part One", "I. The Crossing", "II. Morning"])
        #expect(script.chapters.map(\.level) == [1, 2, 2])
        #expect(script.chapters.map(\.paragraph) == [0, 1, 5])
        #expect(script.paragraphs.map(\.kind) == [.heading, .heading, .prose, .sceneBreak, .prose, .heading, .prose])
        #expect(script.title == "The  Ferry" && script.author == "Ann Example")
        #expect(script.segments.first { $0.kind == .dialogue }?.speaker == .character("the captain"))
    }

    @Test(arguments: [
        ("not a zip", "is not an EPUB (it is not a ZIP archive"),
        ("no container", "lacks META-INF/container.xml"),
        ("broken page", "book/pages/two.xhtml is not well-formed XML"),
        ("drm", "is encrypted (DRM)"),
        ("no text", "has no text to read"),
        ("too deep", "book/pages/two.xhtml nests elements 5003 deep, more than any book"),
    ])
    func damagedBooksAreRefusedWithAReason(_ damage: String, _ message: String) throws {
        var files = book
        switch damage {
        case "no container": files["META-INF/container.xml"] = nil
        case "broken page": files["book/pages/two.xhtml"] = "<html>\n<body><p>Unclosed</body></html>"
        case "too deep":
            files["book/pages/two.xhtml"] = "<html><body>" + String(repeating: "<div>", count: 5_000) + "<p>Deep.</p>" + String(repeating: "</div>", count: 5_000) + "</body></html>"
        case "drm": files["META-INF/encryption.xml"] = "<encryption><EncryptedData/></encryption>"
        case "no text":
            files["book/pages/one a.xhtml"] = "<html><body><img src='a.png'/></body></html>"
            files["book/pages/two.xhtml"] = "<html><body> </body></html>"
        default: break
        }
        var url = try epub(files)
        if damage == "not a zip" {
            url = url.deletingLastPathComponent().appendingPathComponent("text.epub")
            try Data("Just text.".utf8).write(to: url)
        }
        #expect {
            try DocumentReader.load(contentsOf: url)
        } throws: { error in
            "\(error)".contains(message) && !"\(error)".contains("\n")
        }
    }

    /// Depth is counted without parsing: comments, CDATA, declarations and empty elements do not nest.
    @Test func nestingDepthIsCountedInOnePass() {
        let page = "<?xml version=\"1.0\"?><!DOCTYPE html><html><!-- <a><b> --><body><p>A<br/><![CDATA[<x><y>]]></p><div><i>b</i></div></body></html>"
        #expect(MarkupText.nestingDepth(Data(page.utf8)) == 4)
    }

    /// Damaged markup, many ways: every page, package, table of contents and container with
    /// marks inserted, deleted or swapped at random (a fixed seed). Each book is read or refused
    /// with one line; none crashes narrate or hangs it.
    @Test func mutatedBooksAreReadOrRefusedNeverCrash() throws {
        var generator = ScriptContractTests.Generator(state: 0x5EED)
        let marks: [Swift.Character] = ["<", ">", "/", "&", "\"", "'", "=", "#", ";", ":", "!", "?", "[", "]", "-", " ", "x"]
        let paths = book.keys.sorted()
        var read = 0, refused = 0
        for _ in 0..<150 {
            var files = book
            let path = paths[Int(generator.next() % UInt64(paths.count))]
            var characters = Array(files[path]!)
            for _ in 0..<(1 + Int(generator.next() % 6)) where !characters.isEmpty {
                let at = Int(generator.next() % UInt64(characters.count))
                switch generator.next() % 3 {
                case 0: characters.remove(at: at)
                case 1: characters.insert(marks[Int(generator.next() % UInt64(marks.count))], at: at)
                default: characters[at] = marks[Int(generator.next() % UInt64(marks.count))]
                }
            }
            files[path] = String(characters)
            do {
                let source = try DocumentReader.load(contentsOf: try epub(files))
                _ = ScriptBuilder().build(source)
                read += 1
            } catch let error as NarrateError {
                #expect(!"\(error)".contains("\n"))
                refused += 1
            }
        }
        #expect(read > 10 && refused > 10, "read \(read), refused \(refused)")
    }
}
