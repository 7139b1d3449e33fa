/// The numbers of a tensor, as its container holds them: already Doubles (JSON), raw
/// little-endian bytes in the file's buffer (safetensors), or a strided view of a storage (a
/// `torch.save` tensor). Raw and strided values are widened to Double only when read, row by row,
/// so a large file's numbers are not copied twice.
enum TensorValues: Sendable {
  /// Doubles, row by row.
  case doubles([Double])
  /// `count` numbers of `type`, row by row, from byte `offset` of `bytes` (the whole file).
  case raw(bytes: [UInt8], offset: Int, type: TensorElementType, count: Int)
  /// A view of `storage`: the element at index (i₀, i₁, …) is at
  /// `storage[offset + i₀·strides[0] + i₁·strides[1] + …]`.
  case strided(storage: [Double], offset: Int, strides: [Int])

  /// Elements `range` (in row-by-row order) of a tensor of `shape`, widened to Double.
  func elements(_ range: Range<Int>, shape: [Int]) -> [Double] {
    switch self {
    case .doubles(let values):
      return Array(values[range])
    case .raw(let bytes, let offset, let type, _):
      return bytes.withUnsafeBytes { buffer in
        type.widen(buffer, from: offset + range.lowerBound * type.size, count: range.count)
      }
    case .strided(let storage, let offset, let strides):
      if Self.isContiguous(shape: shape, strides: strides) {
        return Array(storage[(offset + range.lowerBound)..<(offset + range.upperBound)])
      }
      var values: [Double] = []
      values.reserveCapacity(range.count)
      for flat in range {
        var rest = flat
        var index = offset
        for dimension in shape.indices.reversed() where shape[dimension] > 0 {
          index += (rest % shape[dimension]) * strides[dimension]
          rest /= shape[dimension]
        }
        values.append(storage[index])
      }
      return values
    }
  }

  /// The index of the first element (in row-by-row order) of a tensor of `shape` that is not
  /// finite, or nil; raw numbers are scanned where they lie, with nothing widened or kept.
  func firstNonFinite(shape: [Int]) -> Int? {
    guard case .raw(let bytes, let offset, let type, let count) = self else {
      return elements(0..<shape.reduce(1, *), shape: shape).firstIndex { !$0.isFinite }
    }
    return bytes.withUnsafeBytes { buffer in
      func scan<T: FixedWidthInteger>(_: T.Type, exponent: T) -> Int? {
        (0..<count).first { k in
          T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + k * type.size, as: T.self))
            & exponent == exponent
        }
      }
      switch type {
      case .float64: return scan(UInt64.self, exponent: 0x7FF0_0000_0000_0000)
      case .float32: return scan(UInt32.self, exponent: 0x7F80_0000)
      case .float16: return scan(UInt16.self, exponent: 0x7C00)
      case .bfloat16: return scan(UInt16.self, exponent: 0x7F80)
      }
    }
  }

  /// Whether `strides` lay a tensor of `shape` out row by row with no gaps.
  static func isContiguous(shape: [Int], strides: [Int]) -> Bool {
    var expected = 1
    for dimension in shape.indices.reversed() {
      if shape[dimension] != 1, strides[dimension] != expected { return false }
      expected *= shape[dimension]
    }
    return true
  }
}

/// The element types a tensor's numbers may be stored in, each widened exactly to Double.
enum TensorElementType: String, Sendable, CaseIterable {
  /// IEEE double precision.
  case float64 = "F64"
  /// IEEE single precision.
  case float32 = "F32"
  /// IEEE half precision.
  case float16 = "F16"
  /// bfloat16: the upper half of a float32.
  case bfloat16 = "BF16"

  /// Bytes per element.
  var size: Int {
    switch self {
    case .float64: 8
    case .float32: 4
    case .float16, .bfloat16: 2
    }
  }

  /// `count` little-endian elements from byte `start` of `buffer`, widened to Double.
  func widen(_ buffer: UnsafeRawBufferPointer, from start: Int, count: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { values, initialized in
      widen(buffer, from: start, count: count, into: values)
      initialized = count
    }
  }

  /// Widens `count` little-endian elements from byte `start` of `buffer` into `values`.
  func widen(
    _ buffer: UnsafeRawBufferPointer, from start: Int, count: Int,
    into values: UnsafeMutableBufferPointer<Double>
  ) {
    switch self {
    case .float64:
      for k in 0..<count {
        let bits = buffer.loadUnaligned(fromByteOffset: start + 8 * k, as: UInt64.self)
        values[k] = Double(bitPattern: UInt64(littleEndian: bits))
      }
    case .float32:
      for k in 0..<count {
        let bits = buffer.loadUnaligned(fromByteOffset: start + 4 * k, as: UInt32.self)
        values[k] = Double(Float(bitPattern: UInt32(littleEndian: bits)))
      }
    case .float16:
      for k in 0..<count {
        let bits = buffer.loadUnaligned(fromByteOffset: start + 2 * k, as: UInt16.self)
        values[k] = Self.half(UInt16(littleEndian: bits))
      }
    case .bfloat16:
      for k in 0..<count {
        let bits = buffer.loadUnaligned(fromByteOffset: start + 2 * k, as: UInt16.self)
        values[k] = Double(Float(bitPattern: UInt32(UInt16(littleEndian: bits)) << 16))
      }
    }
  }

  /// An IEEE half-precision number, exactly, as a Double.
  static func half(_ bits: UInt16) -> Double {
    let sign: Double = bits & 0x8000 == 0 ? 1 : -1
    let exponent = Int((bits >> 10) & 0x1F)
    let mantissa = Double(bits & 0x3FF)
    switch exponent {
    case 0: return sign * mantissa * 0x1p-24
    case 31: return mantissa == 0 ? sign * .infinity : .nan
    default:
      return sign * (1024 + mantissa) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
    }
  }
}
