// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "narrate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "narrate", targets: ["narrate"]),
        .library(name: "NarrateKit", targets: ["NarrateKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEspeakNG",
            pkgConfig: "espeak-ng",
            providers: [.apt(["libespeak-ng-dev"])]
        ),
        .systemLibrary(
            name: "CSndFile",
            pkgConfig: "sndfile",
            providers: [.apt(["libsndfile1-dev"])]
        ),
        .systemLibrary(
            name: "CEBUR128",
            pkgConfig: "libebur128",
            providers: [.apt(["libebur128-dev"])]
        ),
        .systemLibrary(
            name: "CSampleRate",
            pkgConfig: "samplerate",
            providers: [.apt(["libsamplerate0-dev"])]
        ),
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        // glibc's allocator controls (`malloc.h`), which the Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),
        // Saves and restores espeak-ng's whole state, so that each segment starts from the same one.
        .target(name: "CSpeechState"),
        .target(
            name: "NarrateKit",
            dependencies: [
                "CEspeakNG", "CSndFile", "CEBUR128", "CSampleRate", "CXXHash", "CMalloc", "CSpeechState", .product(name: "Yams", package: "Yams"),
                "ZIPFoundation", "SWXMLHash",
            ]
        ),
        .executableTarget(
            name: "narrate",
            dependencies: ["NarrateKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "NarrateKitTests", dependencies: ["NarrateKit"], exclude: ["Fixtures"]),
        .testTarget(name: "NarrateEndToEndTests", dependencies: ["NarrateKit"]),
    ]
)
