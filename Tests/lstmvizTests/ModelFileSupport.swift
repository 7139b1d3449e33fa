import Foundation

/// The model fixtures of `Tests/Fixtures/models`, and broken files made from them.
enum ModelFixtures {
  /// The path of fixture `name`.
  static func path(_ name: String) -> String {
    Support.packageRoot.appendingPathComponent("Tests/Fixtures/models/\(name)").path
  }

  /// The bytes of fixture `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
  }

  /// The safetensors fixture `name` with its header changed by `change` (the data kept).
  static func safetensors(
    _ name: String, _ change: (inout [String: Any]) -> Void
  ) throws -> [UInt8] {
    let bytes = try self.bytes(name)
    let length = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
    var header =
      try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))
      as? [String: Any] ?? [:]
    change(&header)
    let text = Array(try JSONSerialization.data(withJSONObject: header, options: .sortedKeys))
    let size = (0..<8).map { UInt8(truncatingIfNeeded: text.count >> (8 * $0)) }
    return size + text + bytes[(8 + length)...]
  }

  /// The safetensors fixture `name` with the first number of tensor `tensor` (F32) set to
  /// the float of `bits`.
  static func safetensors(_ name: String, setting tensor: String, toBits bits: UInt32) throws
    -> [UInt8]
  {
    var bytes = try self.bytes(name)
    let length = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
    let header =
      try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))
      as? [String: Any]
    let entry = header?[tensor] as? [String: Any]
    let begin = (entry?["data_offsets"] as? [Int])?.first ?? 0
    for k in 0..<4 { bytes[8 + length + begin + k] = UInt8(truncatingIfNeeded: bits >> (8 * k)) }
    return bytes
  }

  /// The zip fixture `name` with entry `entry` (stored, uncompressed) replaced by `content` of
  /// the same length, its CRC-32 patched to match, so that only the content is wrong.
  static func zip(_ name: String, entry: String, patch: (inout [UInt8]) -> Void) throws -> [UInt8] {
    var bytes = try self.bytes(name)
    let nameBytes = Array(entry.utf8)
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    func put32(_ value: UInt32, _ at: Int) {
      for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }
    // The central directory's record of the entry: its size, its local header, its CRC.
    var central = 0
    while central + 46 < bytes.count {
      if u32(central) == 0x0201_4B50,
        Array(bytes[(central + 46)..<(central + 46 + u16(central + 28))]) == nameBytes
      {
        let local = u32(central + 42)
        let start = local + 30 + u16(local + 26) + u16(local + 28)
        let count = u32(central + 24)
        var content = Array(bytes[start..<(start + count)])
        patch(&content)
        precondition(content.count == count)
        bytes.replaceSubrange(start..<(start + count), with: content)
        let crc = crc32(content)
        put32(crc, central + 16)
        put32(crc, local + 14)
        return bytes
      }
      central += 1
    }
    preconditionFailure("no entry \(entry) in \(name)")
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
