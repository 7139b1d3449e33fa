/// A dense matrix of `Double`, stored row by row.
public struct Matrix: Sendable, Equatable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The entries, row by row: entry (r, c) is at `r * columns + c`.
  public private(set) var storage: [Double]

  /// Makes a matrix from its entries, row by row. `storage.count` must be `rows * columns`.
  public init(rows: Int, columns: Int, storage: [Double]) {
    precondition(rows >= 0 && columns >= 0 && storage.count == rows * columns)
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// Makes a matrix from a list of equally long rows.
  public init(_ rows: [[Double]]) {
    let columns = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columns })
    self.init(rows: rows.count, columns: columns, storage: rows.flatMap { $0 })
  }

  /// The entry in row `row` and column `column`.
  public subscript(row: Int, column: Int) -> Double {
    storage[row * columns + column]
  }

  /// The rows `range` as a new matrix.
  public func rows(_ range: Range<Int>) -> Matrix {
    Matrix(
      rows: range.count, columns: columns,
      storage: Array(storage[range.lowerBound * columns..<range.upperBound * columns]))
  }

  /// The dot product of row `row` with `vector`, summed left to right.
  @inlinable
  public func dot(row: Int, _ vector: ArraySlice<Double>) -> Double {
    storage.withUnsafeBufferPointer { entries in
      vector.withUnsafeBufferPointer { v in
        var sum = 0.0
        let start = row * columns
        for k in 0..<columns {
          sum += entries[start + k] * v[k]
        }
        return sum
      }
    }
  }
}
