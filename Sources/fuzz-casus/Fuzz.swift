import Foundation
import FuzzTargets

#if FUZZING
/// libFuzzer entry point (built with `swift build --sanitize fuzzer -Xswiftc -DFUZZING`, see .ci/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.caseFile(Data(bytes: bytes, count: size))
    return 0
}
#else
/// Without the fuzzer: replays corpus files or folders given as arguments.
@main
struct Replay {
    static func main() {
        let count = FuzzTargets.replay(Array(CommandLine.arguments.dropFirst()), FuzzTargets.caseFile)
        print("\(count) invoer(en) zonder fout verwerkt")
    }
}
#endif
