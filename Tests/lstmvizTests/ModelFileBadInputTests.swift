import Foundation
import Testing

/// `trace --model NAME` over the sequences fixture, for a broken model file written as `name`.
private func tracing(_ name: String) -> [String] {
  ["trace", "--model", name, "--sequences", ModelFixtures.path("sequences.json")]
}

/// A plain pickle: protocol 2, `body`, STOP.
private func pickle(_ body: [UInt8]) -> [UInt8] { [0x80, 0x02] + body + [UInt8(ascii: ".")] }

/// Broken model files, each made from a good fixture (cut short, or bytes patched).
func modelFileBadInputs() throws -> [BadInput] {
  let f32 = "stack-head.f32.safetensors"
  let good = try ModelFixtures.bytes(f32)
  let pt = try ModelFixtures.bytes("stack-head.f32.pt")
  func tensor(_ name: String, _ change: @escaping (inout [String: Any]) -> Void) throws -> [UInt8] {
    try ModelFixtures.safetensors(f32) { header in
      var entry = header[name] as? [String: Any] ?? [:]
      change(&entry)
      header[name] = entry
    }
  }
  let biasOffsets =
    (try JSONSerialization.jsonObject(
      with: Data(good[8..<(8 + good[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) })]))
    as? [String: Any])?["lstm.bias_ih_l0"] as? [String: Any]
  return [
    BadInput(
      "safetensors cut short in its data",
      bytes: ["m.safetensors": Array(good.prefix(good.count * 2 / 3))],
      tracing("m.safetensors"), ["m.safetensors: header[", "reaches past the end of the data"]),
    BadInput(
      "safetensors cut short in its length", bytes: ["m.safetensors": Array(good.prefix(5))],
      tracing("m.safetensors"), ["m.safetensors: ", "too few for a safetensors file"]),
    BadInput(
      "safetensors header length beyond the file",
      bytes: [
        "m.safetensors": [0x00, 0x00, 0x10] + Array(repeating: 0, count: 5) + good.dropFirst(8)
      ],
      tracing("m.safetensors"), ["m.safetensors: header length: ", "beyond the end of the file"]),
    BadInput(
      "safetensors offsets out of range",
      bytes: ["m.safetensors": try tensor("fc.bias") { $0["data_offsets"] = [4000, 4004] }],
      tracing("m.safetensors"),
      ["m.safetensors: header[\"fc.bias\"].data_offsets: [4000, 4004] reaches past the end"]),
    BadInput(
      "safetensors offsets overlapping",
      bytes: [
        "m.safetensors": try tensor("lstm.bias_hh_l0") {
          $0["data_offsets"] = biasOffsets?["data_offsets"]
        }
      ],
      tracing("m.safetensors"), ["m.safetensors: header[\"lstm.bias_", "overlaps"]),
    BadInput(
      "safetensors shape that does not match the bytes",
      bytes: ["m.safetensors": try tensor("lstm.bias_ih_l0") { $0["shape"] = [15] }],
      tracing("m.safetensors"),
      ["m.safetensors: header[\"lstm.bias_ih_l0\"]: shape [15] of F32 needs 60 bytes", "hold 64"]),
    BadInput(
      "safetensors unknown dtype",
      bytes: ["m.safetensors": try tensor("lstm.weight_ih_l0") { $0["dtype"] = "Q4" }],
      tracing("m.safetensors"),
      ["m.safetensors: lstm.weight_ih_l0: has dtype Q4; lstmviz reads F64, F32, F16 and BF16"]),
    BadInput(
      "safetensors NaN weight",
      bytes: [
        "m.safetensors": try ModelFixtures.safetensors(
          f32, setting: "lstm.weight_hh_l1", toBits: 0x7FC0_0000)
      ],
      tracing("m.safetensors"), ["m.safetensors: lstm.weight_hh_l1[0][0]: is NaN"]),
    BadInput(
      "safetensors infinite weight",
      bytes: [
        "m.safetensors": try ModelFixtures.safetensors(
          f32, setting: "lstm.weight_ih_l0", toBits: 0xFF80_0000)
      ],
      tracing("m.safetensors"), ["m.safetensors: lstm.weight_ih_l0[0][0]: is infinite"]),
    BadInput(
      "torch.save cut short", bytes: ["m.pt": Array(pt.prefix(pt.count / 2))], tracing("m.pt"),
      ["m.pt: a zip archive that cannot be read", "cut short"]),
    BadInput(
      "torch.save with no data.pkl",
      bytes: [
        "m.pt": pt.replacing(Array("data.pkl".utf8), with: Array("data.pkx".utf8))
      ],
      tracing("m.pt"), ["m.pt: a zip archive with no data.pkl, so not a torch.save file"]),
    BadInput(
      "torch.save pickle with an unknown opcode",
      bytes: [
        "m.pt": try ModelFixtures.zip("stack-head.f32.pt", entry: "stack-head.f32/data.pkl") {
          $0[2] = 0xFE
        }
      ],
      tracing("m.pt"), ["m.pt: data.pkl, byte 2: unknown pickle opcode 0xFE"]),
    BadInput(
      "torch.save pickle with a forbidden global",
      bytes: ["m.pt": try ModelFixtures.bytes("evil.pt")],
      tracing("m.pt"), ["m.pt: data.pkl: refused to load: the file asks for os.system"]),
    BadInput(
      "torch.save storage of the wrong size",
      bytes: [
        "m.pt": try ModelFixtures.zip("stack-head.f32.pt", entry: "stack-head.f32/data.pkl") {
          pickle in
          // lstm.weight_ih_l0's storage: 48 numbers (BININT1 48) said to be 47.
          if let k = pickle.indices.dropFirst().first(where: {
            pickle[$0] == 48 && pickle[$0 - 1] == UInt8(ascii: "K")
          }) {
            pickle[k] = 47
          }
        }
      ],
      tracing("m.pt"),
      ["m.pt: stack-head.f32/data/0: holds 192 bytes, but data.pkl says it holds 47"]),
    BadInput(
      "plain pickle nested too deep",
      bytes: ["m.pt": pickle(Array(repeating: UInt8(ascii: "("), count: 100))],
      tracing("m.pt"), ["m.pt: pickle, byte 66: the pickle nests more than 64 deep"]),
    BadInput(
      "plain pickle of tuples nested too deep",
      bytes: ["m.pt": pickle([UInt8(ascii: "N")] + Array(repeating: 0x85, count: 100))],
      tracing("m.pt"), ["m.pt: pickle, byte ", "nests more than 64 deep"]),
    BadInput(
      "plain pickle too large",
      bytes: [
        "m.pt": pickle(
          [UInt8(ascii: "]"), UInt8(ascii: "(")]
            + Array(repeating: UInt8(ascii: "N"), count: 1 << 20 + 1))
      ],
      tracing("m.pt"), ["m.pt: pickle, byte ", "holds more than 1048576 values"]),
    BadInput(
      "plain pickle cut short",
      bytes: ["m.pt": Array(try ModelFixtures.bytes("evil-plain.pt").prefix(30))],
      tracing("m.pt"), ["m.pt: pickle, byte ", "cut short"]),
    BadInput(
      "plain pickle of plain data", bytes: ["m.pt": pickle([UInt8(ascii: "}")])], tracing("m.pt"),
      ["m.pt: a plain pickle, not a torch.save archive", "torch.save(model.state_dict()"]),
    BadInput(
      "legacy torch.save", bytes: ["m.pt": try ModelFixtures.bytes("stack-head.legacy.pt")],
      tracing("m.pt"),
      [
        "m.pt: a PyTorch file in the legacy format of torch before 1.6",
        "torch.save(model.state_dict(), \"model.pt\")",
      ]),
    BadInput(
      "HDF5", bytes: ["m.h5": try ModelFixtures.bytes("keras-lstm.weights.h5")], tracing("m.h5"),
      ["m.h5: an HDF5 file"]),
    BadInput(
      "npz", bytes: ["m.npz": try ModelFixtures.bytes("arrays.npz")], tracing("m.npz"),
      ["m.npz: a NumPy .npz archive (a zip of .npy arrays), not a model"]),
    BadInput(
      "onnx", bytes: ["m.onnx": [0x08, 0x07, 0x12, 0x07] + Array("pytorch".utf8)],
      tracing("m.onnx"),
      ["m.onnx: an ONNX model (protobuf)"]),
    BadInput(
      "a binary model as the lesson beside --model",
      bytes: ["m.pt": pt, "n.pt": pt], ["trace", "m.pt", "--model", "n.pt"],
      ["m.pt: is a model file, not a lesson"]),
    BadInput(
      "a torch.save zip whose ZIP64 end record lies past the end",
      bytes: ["m.pt": pt.patchingZip(locatorField: 8, to: UInt64(pt.count + 4096))],
      tracing("m.pt"), ["m.pt: a zip archive that cannot be read", "ZIP64 end record"]),
    BadInput(
      "a torch.save zip whose central directory lies past the end",
      bytes: ["m.pt": pt.patchingZip(zip64RecordField: 48, to: UInt64(pt.count + 4096))],
      tracing("m.pt"), ["m.pt: a zip archive that cannot be read", "central directory"]),
    BadInput(
      "a torch.save zip with an entry whose data lies past the end",
      bytes: ["m.pt": pt.patchingZip(firstEntryField: 20, to: 0x00FF_FFFF)],
      tracing("m.pt"), ["m.pt: a zip archive that cannot be read", "lies outside the file"]),
    BadInput(
      "an LSTMCell at layer 1", bytes: ["c.pt": try ModelFixtures.bytes("lstmcell.pt")],
      tracing("c.pt") + ["--layer", "1"], ["c.pt: ", "no layer 1: an nn.LSTMCell has one layer"]),
  ]
}

@Suite struct ModelFileBadInputTests {
  @Test(arguments: try modelFileBadInputs())
  func brokenModelFileIsRefusedWithOneLine(_ bad: BadInput) throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, bytes) in bad.files {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    expectRefusal(try lstmviz(bad.arguments, in: directory), mentioning: bad.needles)
  }

  @Test func aTensorOfAnUnknownDtypeThatIsNotNeededIsIgnored() throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bytes = try ModelFixtures.safetensors("stack-head.f32.safetensors") { header in
      var entry = header["fc.weight"] as? [String: Any] ?? [:]
      entry["dtype"] = "Q4"
      header["fc.weight"] = entry
    }
    try Data(bytes).write(to: directory.appendingPathComponent("m.safetensors"))
    let outcome = try lstmviz(
      ["trace", "--model", "m.safetensors", "--sequences", ModelFixtures.path("sequences.json")],
      in: directory)
    #expect(outcome.status == 0, "\(outcome.stderr)")
  }
}

extension Array where Element == UInt8 {
  /// The little-endian `value` written over `size` bytes at `offset`.
  func writing(_ value: UInt64, at offset: Int, size: Int) -> [UInt8] {
    var bytes = self
    for k in 0..<size { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
    return bytes
  }

  /// The little-endian number of `size` bytes at `offset`.
  func number(at offset: Int, size: Int) -> Int {
    (0..<size).reversed().reduce(0) { $0 << 8 | Int(self[offset + $1]) }
  }

  /// Where the zip's end of central directory record starts (a torch.save zip has no comment).
  var zipEnd: Int { count - 22 }

  /// A zip with the 8-byte field at `field` of its ZIP64 end locator set to `value`.
  func patchingZip(locatorField field: Int, to value: UInt64) -> [UInt8] {
    writing(value, at: zipEnd - 20 + field, size: 8)
  }

  /// A zip with the 8-byte field at `field` of its ZIP64 end record set to `value`.
  func patchingZip(zip64RecordField field: Int, to value: UInt64) -> [UInt8] {
    writing(value, at: number(at: zipEnd - 20 + 8, size: 8) + field, size: 8)
  }

  /// A zip with the 4-byte field at `field` of its first central directory entry set to `value`.
  func patchingZip(firstEntryField field: Int, to value: UInt64) -> [UInt8] {
    writing(value, at: number(at: zipEnd + 16, size: 4) + field, size: 4)
  }

  /// The bytes with every `old` replaced by `new`, of the same length.
  func replacing(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
    precondition(old.count == new.count)
    var bytes = self
    var k = 0
    while k + old.count <= bytes.count {
      if Array(bytes[k..<(k + old.count)]) == old {
        bytes.replaceSubrange(k..<(k + old.count), with: new)
        k += old.count
      } else {
        k += 1
      }
    }
    return bytes
  }
}
