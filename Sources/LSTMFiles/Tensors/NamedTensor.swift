/// One tensor of a model file, by name: its shape, its numbers, and where it came from.
///
/// A container (the JSON state_dict today; safetensors, `torch.save` and Keras next) yields
/// these; a naming scheme (`PyTorchLSTMNaming`) maps them to a model. Neither knows the other.
struct NamedTensor: Sendable, Equatable {
  /// The name, such as `lstm.weight_ih_l0`.
  var name: String
  /// The size of each dimension: `[]` for a single number, `[k]` for a list, `[rows, columns]`
  /// for a matrix.
  var shape: [Int]
  /// The numbers as the container holds them, widened to Double when read.
  var data: TensorValues
  /// Where it is in its file, for messages.
  var origin: TensorOrigin

  /// Makes a tensor of Doubles; `values.count` must be the product of `shape`.
  init(name: String, shape: [Int], values: [Double], origin: TensorOrigin) {
    self.init(name: name, shape: shape, data: .doubles(values), origin: origin)
    precondition(values.count == count)
  }

  /// Makes a tensor whose numbers `data` holds, as many as `shape` says.
  init(name: String, shape: [Int], data: TensorValues, origin: TensorOrigin) {
    precondition(shape.allSatisfy { $0 >= 0 })
    self.name = name
    self.shape = shape
    self.data = data
    self.origin = origin
  }

  /// How many numbers it holds: the product of `shape`.
  var count: Int { shape.reduce(1, *) }

  /// The numbers, row by row (the last dimension varies fastest), widened to Double.
  var values: [Double] {
    if case .doubles(let values) = data { return values }
    return data.elements(0..<count, shape: shape)
  }

  /// The numbers of rows `rows` (elements of the first dimension), row by row.
  func values(rows: Range<Int>) -> [Double] {
    let width = shape.dropFirst().reduce(1, *)
    return data.elements(rows.lowerBound * width..<rows.upperBound * width, shape: shape)
  }

  /// Two tensors are equal when their names, shapes, numbers and origins are.
  static func == (a: NamedTensor, b: NamedTensor) -> Bool {
    a.name == b.name && a.shape == b.shape && a.origin == b.origin && a.values == b.values
  }
}

/// Where a tensor came from in its file, as messages name it: a place, and for a text file the
/// lines of the tensor and of its rows.
struct TensorOrigin: Sendable, Equatable {
  /// The place: a JSON path such as `model["lstm.weight_ih_l0"]`, or a zip's `data/3`.
  var place: String
  /// The line the tensor starts on, when its file has lines.
  var line: Int?
  /// The line each row (each element of the first dimension) starts on; empty when the file
  /// has no lines.
  var rowLines: [Int] = []

  /// The tensor as a whole: `weight_ih_l0 (line 3)`.
  var location: String { Self.location(place, line: line) }

  /// Row `row`: `weight_hh_l0[1] (line 4)`, on the row's own line.
  func location(ofRow row: Int) -> String {
    Self.location("\(place)[\(row)]", line: row < rowLines.count ? rowLines[row] : line)
  }

  /// Element `index` of a list: `bias_hh_l0[2] (line 3)`, on the tensor's line.
  func location(ofElement index: Int) -> String {
    Self.location("\(place)[\(index)]", line: line)
  }

  private static func location(_ place: String, line: Int?) -> String {
    line.map { "\(place) (line \($0))" } ?? place
  }
}
