import Foundation
import Testing

@testable import LSTMCore
@testable import LSTMFiles

/// The binary containers on their own: widening, views, the safetensors header and the
/// restricted unpickler.
@Suite struct ModelContainerTests {
  /// A safetensors file of `tensors` (name, dtype, shape, raw bytes), in that order.
  func safetensors(_ tensors: [(String, String, [Int], [UInt8])], metadata: Bool = true) -> [UInt8]
  {
    var members: [String] = metadata ? [#""__metadata__": {"format": "pt"}"#] : []
    var data: [UInt8] = []
    for (name, dtype, shape, bytes) in tensors {
      members.append(
        "\"\(name)\": {\"dtype\": \"\(dtype)\", \"shape\": \(shape), "
          + "\"data_offsets\": [\(data.count), \(data.count + bytes.count)]}")
      data += bytes
    }
    let header = Array("{\(members.joined(separator: ", "))}".utf8)
    return (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) } + header + data
  }

  func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in
      (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
  }

  @Test func halfAndBFloat16AreWidenedExactly() {
    #expect(TensorElementType.half(0x3C00) == 1)
    #expect(TensorElementType.half(0xC000) == -2)
    #expect(TensorElementType.half(0x7BFF) == 65504)
    #expect(TensorElementType.half(0x0001) == 0x1p-24)
    #expect(TensorElementType.half(0x3555) == 0x1.554p-2)
    #expect(TensorElementType.half(0x7C00) == .infinity)
    #expect(TensorElementType.half(0x7E00).isNaN)
    let tensors = try? Safetensors.tensors(
      safetensors([
        ("h", "F16", [2], littleEndian([UInt16(0x3555), 0x8001])),
        ("b", "BF16", [2], littleEndian([UInt16(0x3F81), 0xC2F7])),
        ("f", "F32", [1], littleEndian([Float(0.1).bitPattern])),
        ("d", "F64", [1], littleEndian([(0.1).bitPattern])),
      ]), file: "m.safetensors")
    #expect(
      tensors?.tensors.map(\.values) == [
        [0x1.554p-2, -0x1p-24], [0x1.02p0, -0x1.eep6], [Double(Float(0.1))], [0.1],
      ])
    #expect(tensors?.names == ["h", "b", "f", "d"])
  }

  @Test func aStridedViewReadsATransposedTensorInRowOrder() {
    // Storage 0 1 2 3 4 5 viewed as the 3×2 transpose of the 2×3 matrix [[0 1 2] [3 4 5]].
    let view = TensorValues.strided(storage: [0, 1, 2, 3, 4, 5], offset: 0, strides: [1, 3])
    #expect(view.elements(0..<6, shape: [3, 2]) == [0, 3, 1, 4, 2, 5])
    #expect(view.elements(2..<4, shape: [3, 2]) == [1, 4])
    #expect(!TensorValues.isContiguous(shape: [3, 2], strides: [1, 3]))
    #expect(TensorValues.isContiguous(shape: [3, 2], strides: [2, 1]))
    let shifted = TensorValues.strided(storage: [9, 9, 1, 2, 3, 4], offset: 2, strides: [2, 1])
    #expect(shifted.elements(0..<4, shape: [2, 2]) == [1, 2, 3, 4])
  }

  @Test func safetensorsRefusesWhatItCannotTrust() {
    func refusal(_ bytes: [UInt8]) -> String? {
      do {
        _ = try Safetensors.tensors(bytes, file: "m.safetensors")
        return nil
      } catch {
        return error.description
      }
    }
    let four = littleEndian([Float(1).bitPattern, 0, 0, 0])
    #expect(refusal(safetensors([("a", "F32", [4], four)])) == nil)
    #expect(
      refusal(safetensors([("a", "F32", [3], four)]))
        == #"m.safetensors: header["a"]: shape [3] of F32 needs 12 bytes, but data_offsets [0, 16] hold 16"#
    )
    #expect(
      refusal(Array(safetensors([("a", "F32", [4], four)]).dropLast()))
        == #"m.safetensors: header["a"].data_offsets: [0, 16] reaches past the end of the data (15 bytes; cut short?)"#
    )
    #expect(
      refusal(Array("\u{7B}\"a\": 1}".utf8))?.contains(
        "m.safetensors: header length: says the header is") == true)
    #expect(
      refusal([2, 0, 0, 0, 0, 0, 0, 0, UInt8(ascii: "["), UInt8(ascii: "]")])?.contains(
        "header: expected an object") == true)
    #expect(
      refusal(safetensors([("a", "F32", [-1], four)]))?.contains(#"header["a"].shape"#) == true)
    var overlapping = safetensors([
      ("a", "F32", [2], Array(four.prefix(8))), ("b", "F32", [2], Array(four.suffix(8))),
    ])
    // b's offsets [8, 16] rewritten as [4, 12]: same length, overlapping a's [0, 8].
    overlapping = overlapping.replacingFirst(Array("[8, 16]".utf8), with: Array("[4, 12]".utf8))
    #expect(
      refusal(overlapping)
        == #"m.safetensors: header["b"].data_offsets: [4, 12] overlaps "a" [0, 8]; each tensor has bytes of its own"#
    )
  }

  @Test func anUnknownDtypeIsKeptAndRefusedOnlyWhenRead() throws {
    let tensors = try Safetensors.tensors(
      safetensors([("n", "I64", [1], littleEndian([Int64(7)])), ("q", "Q4", [3], [1, 2])]),
      file: "m.safetensors")
    #expect(tensors.names == ["n", "q"] && tensors.tensors.isEmpty)
    let q = try #require(tensors["q"])
    #expect(
      throws: LessonError(
        file: "m.safetensors", location: "q",
        message: "has dtype Q4; lstmviz reads F64, F32, F16 and BF16")
    ) {
      try tensors.vector(q, what: "a bias")
    }
  }

  /// The message of the unpickler's refusal of `bytes`, with its byte.
  func unpicklerRefusal(_ bytes: [UInt8]) -> String? {
    do {
      _ = try RestrictedUnpickler.read(bytes)
      return nil
    } catch {
      return "byte \(error.offset): \(error.message)"
    }
  }

  @Test func theUnpicklerRefusesEveryGlobalAStateDictDoesNotNeed() {
    let eval = [0x80, 0x02, UInt8(ascii: "c")] + Array("builtins\neval\n".utf8)
    #expect(
      unpicklerRefusal(eval)
        == "byte 2: refused to load: the file asks for builtins.eval, which a state_dict never needs"
    )
    // Protocol 4's STACK_GLOBAL: the names on the stack.
    let stacked: [UInt8] =
      [0x80, 0x04, 0x8C, 2] + Array("os".utf8) + [0x8C, 6] + Array("system".utf8) + [0x93]
    #expect(
      unpicklerRefusal(stacked)?.hasSuffix(
        "the file asks for os.system, which a state_dict never needs") == true)
    let subprocess = [0x80, 0x02, UInt8(ascii: "c")] + Array("subprocess\nPopen\n".utf8)
    #expect(unpicklerRefusal(subprocess)?.contains("subprocess.Popen") == true)
    // A storage class is a name only: calling it is refused.
    let call =
      [0x80, 0x02, UInt8(ascii: "c")] + Array("torch\nFloatStorage\n".utf8) + [
        UInt8(ascii: ")"), UInt8(ascii: "R"),
      ]
    #expect(
      unpicklerRefusal(call)
        == "byte 23: REDUCE calls torch.FloatStorage, which a state_dict never calls")
  }

  @Test func theUnpicklerReadsPlainDataAndBoundsItsNesting() throws {
    // {"a": [1, -2, 3.5, "x", True]} with a memo, a MARK and SETITEMS.
    var bytes: [UInt8] = [0x80, 0x02, UInt8(ascii: "}"), UInt8(ascii: "q"), 0, UInt8(ascii: "(")]
    bytes += [
      UInt8(ascii: "X"), 1, 0, 0, 0, UInt8(ascii: "a"), UInt8(ascii: "]"), UInt8(ascii: "("),
    ]
    bytes += [UInt8(ascii: "K"), 1, UInt8(ascii: "J")] + littleEndian([Int32(-2)])
    bytes += [UInt8(ascii: "G")] + littleEndian([(3.5).bitPattern]).reversed()
    bytes += [
      0x8C, 1, UInt8(ascii: "x"), 0x88, UInt8(ascii: "e"), UInt8(ascii: "u"), UInt8(ascii: "."),
    ]
    let result = try RestrictedUnpickler.read(bytes)
    guard case .object(let top) = result.value, case .dict(let items) = result.objects[top],
      case .string("a")? = items.first?.key, case .object(let inner)? = items.first?.value,
      case .list(let list) = result.objects[inner]
    else {
      Issue.record("expected a dict holding a list")
      return
    }
    #expect(list.map(\.kind) == ["a number", "a number", "a number", "a string", "True or False"])
    if case .float(let number) = list[2] { #expect(number == 3.5) }
    if case .int(let number) = list[1] { #expect(number == -2) }
    #expect(
      unpicklerRefusal([0x80, 0x02, 0xFF])
        == "byte 2: unknown pickle opcode 0xFF; a state_dict saved by torch.save uses the opcodes of pickle protocol 2"
    )
    #expect(
      unpicklerRefusal([0x80, 0x02, UInt8(ascii: "X"), 0xFF, 0xFF, 0xFF, 0x7F])?.contains(
        "cut short") == true)
    #expect(
      unpicklerRefusal([0x80, 0x02, 0x8A, 9] + Array(repeating: 1, count: 9))?.contains(
        "integer of 9 bytes") == true)
    #expect(
      unpicklerRefusal(Array(repeating: 0, count: RestrictedUnpickler.maximumSize + 1))?.contains(
        "larger than any state_dict") == true)
    #expect(
      unpicklerRefusal([0x80, 0x02, UInt8(ascii: "h"), 3])?.contains("memo 3, never put") == true)
  }

  @Test func aDictThatHoldsItselfIsRefusedNotFollowed() throws {
    // d = {}; d["d"] = d
    let bytes: [UInt8] = [
      0x80, 0x02, UInt8(ascii: "}"), UInt8(ascii: "q"), 0, UInt8(ascii: "X"), 1, 0, 0, 0,
      UInt8(ascii: "d"), UInt8(ascii: "h"), 0, UInt8(ascii: "s"), UInt8(ascii: "."),
    ]
    let result = try RestrictedUnpickler.read(bytes)
    var flattener = PickleFlattener(objects: result.objects, file: "m.pt")
    #expect(
      throws: LessonError(
        file: "m.pt", location: "data.pkl",
        message: "the pickle nests dicts more than 64 deep; a state_dict is shallow")
    ) {
      try flattener.items(of: result.value)
    }
  }

  @Test func contentNamesTheKindOfFile() {
    #expect(ModelFileKind(Array("{}".utf8), path: "m.pt") == .json)
    #expect(ModelFileKind([0x50, 0x4B, 0x03, 0x04], path: "m.bin") == .zip)
    #expect(ModelFileKind(safetensors([]), path: "weights.bin") == .safetensors)
    #expect(ModelFileKind([0x89] + Array("HDF\r\n".utf8) + [0x1A, 0x0A], path: "m") == .hdf5)
    #expect(ModelFileKind([0x80, 0x04, 0x95], path: "m") == .pickle)
    #expect(ModelFileKind([0x93] + Array("NUMPY".utf8), path: "m") == .npy)
    #expect(ModelFileKind([0x08, 0x07, 0x12, 0x07], path: "m") == .onnx)
  }
}

extension Array where Element == UInt8 {
  /// The bytes with the first `old` replaced by `new`.
  func replacingFirst(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
    var bytes = self
    if let k = (0...(count - old.count)).first(where: { Array(bytes[$0..<($0 + old.count)]) == old }
    ) {
      bytes.replaceSubrange(k..<(k + old.count), with: new)
    }
    return bytes
  }
}
