// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rendementsmeter",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rendementsmeter", targets: ["rendementsmeter"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // ncursesw as a system library plus a shim header for what Swift cannot import.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // Restores the terminal from a fatal signal; needs C-level state and async-signal safety.
        .target(name: "CTerminalRestore"),
        // The file-system type of a folder (statfs), which Swift's Glibc module does not declare.
        .systemLibrary(name: "CLinuxFiles"),
        // Pure domain: money, price list, case, arithmetic, business case. Foundation only.
        .target(name: "RendementsDomain"),
        // Files: CSV price lists, JSON case files, atomic writes, validation.
        .target(name: "RendementsStorage", dependencies: [
            "RendementsDomain", "CLinuxFiles", .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The business case on a PostgreSQL server: schema and migrations, roles and row-level
        // security, loading a folder's cases, the per-law figures and the sector view.
        // The one interface both stores implement: a folder and an organisation on the server.
        .target(name: "RendementsStore", dependencies: ["RendementsDomain", "RendementsStorage"]),
        .target(name: "RendementsPostgres", dependencies: [
            "RendementsDomain", "RendementsStorage", "RendementsStore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Text report and CSV export built from the domain; no I/O.
        .target(name: "RendementsReports", dependencies: ["RendementsDomain"]),
        // Elm-style app core: state, messages, update, keymap. No I/O, no curses.
        .target(name: "RendementsCore", dependencies: ["RendementsDomain"]),
        // view(state) -> Frame of cells. Pure.
        .target(name: "RendementsRender", dependencies: ["RendementsCore", "RendementsDomain"]),
        // The thin ncurses edge: keys in, frames out, terminal restored on exit and crash.
        .target(name: "RendementsTerminal", dependencies: ["CNCursesW", "CTerminalRestore", "RendementsRender", "RendementsCore"]),
        .executableTarget(
            name: "rendementsmeter",
            dependencies: [
                "RendementsDomain", "RendementsStorage", "RendementsReports", "RendementsCore",
                "RendementsRender", "RendementsTerminal", "RendementsStore", "RendementsPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's generator of realistic business cases (not a user command).
        .executableTarget(name: "bench-genereer", dependencies: ["RendementsDomain", "RendementsStorage"]),
        .executableTarget(name: "bench-last", dependencies: ["RendementsDomain", "RendementsStorage", "RendementsPostgres"]),
        // Fuzz targets: the readers of untrusted input; .ci/fuzz.sh builds them with libFuzzer.
        .target(name: "FuzzTargets", dependencies: ["RendementsDomain", "RendementsStorage"]),
        .executableTarget(name: "fuzz-prijslijst", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "fuzz-casus", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "fuzz-getal", dependencies: ["FuzzTargets"]),
        .testTarget(name: "DomainTests", dependencies: ["RendementsDomain"]),
        .testTarget(name: "StorageTests", dependencies: ["RendementsStorage", "RendementsDomain"]),
        .testTarget(name: "ReportsTests", dependencies: ["RendementsReports", "RendementsStorage", "RendementsDomain"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CoreTests", dependencies: ["RendementsCore", "RendementsDomain"]),
        .testTarget(
            name: "RenderTests",
            dependencies: ["RendementsRender", "RendementsCore", "RendementsDomain", "RendementsStorage"],
            exclude: ["__Snapshots__"]
        ),
        // Runs the built binary: the command line and tmux end-to-end sessions.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["rendementsmeter", "bench-genereer", "fuzz-prijslijst", "fuzz-casus", "fuzz-getal", "RendementsDomain", "RendementsStorage",
                           "RendementsStore", "RendementsPostgres"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
