/// Where each stored (uncompressed) entry's data starts in a zip archive's bytes, so that a
/// `torch.save` storage is read where it lies in the file instead of being copied out.
///
/// ZIPFoundation reads the archive; it does not say where an entry's data lies, so this reads
/// the central directory and the local headers for that alone, checking each against the names
/// and sizes ZIPFoundation found. An archive it cannot place (ZIP64, say) is read through
/// ZIPFoundation instead.
enum ZipDataOffsets {
  /// The data offset of each stored entry, by path; empty when the directory cannot be read.
  static func stored(in bytes: [UInt8]) -> [String: (offset: Int, size: Int)] {
    bytes.withUnsafeBytes { buffer in
      func u16(_ at: Int) -> Int {
        Int(UInt16(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
      }
      func u32(_ at: Int) -> Int {
        Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
      }
      let count = buffer.count
      guard count >= 22 else { return [:] }
      // The end of central directory record: its signature within the last 64 KiB + 22 bytes.
      var end = count - 22
      let earliest = max(0, count - 22 - 0xFFFF)
      while end >= earliest, u32(end) != 0x0605_4B50 { end -= 1 }
      guard end >= earliest else { return [:] }
      let entries = u16(end + 10)
      var at = u32(end + 16)
      var offsets: [String: (offset: Int, size: Int)] = [:]
      for _ in 0..<entries {
        guard at + 46 <= count, u32(at) == 0x0201_4B50 else { return [:] }
        let method = u16(at + 10)
        let (compressed, size) = (u32(at + 20), u32(at + 24))
        let (nameLength, extraLength, commentLength) = (u16(at + 28), u16(at + 30), u16(at + 32))
        let local = u32(at + 42)
        guard at + 46 + nameLength <= count else { return [:] }
        let name = String(decoding: buffer[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
        at += 46 + nameLength + extraLength + commentLength
        guard method == 0, compressed == size, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
          local + 30 <= count, u32(local) == 0x0403_4B50, u16(local + 26) == nameLength
        else { continue }
        let data = local + 30 + u16(local + 26) + u16(local + 28)
        guard data <= count, size <= count - data else { continue }
        offsets[name] = (data, size)
      }
      return offsets
    }
  }
}
