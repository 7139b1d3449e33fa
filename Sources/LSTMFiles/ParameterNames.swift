import LSTMCore

extension LessonEncoding {
  /// The name of every number of `cell` (laid out as `TrainableCell.values`), as a lesson file
  /// names it: `forget.stmWeight` in the scalar form, `stmWeight` for the scalar twin, and a
  /// state_dict's own key with the element, such as `lstm.weight_ih_l0[3][1]` or
  /// `lstm.bias_hh_l0[7]`.
  public static func names(of cell: TrainableCell) -> [String] {
    var names: [String] = []
    names.reserveCapacity(cell.values.count)
    for tensor in cell.tensors {
      let base: String
      var scalarKey: String?
      switch tensor.role {
      case .torch(let parameter):
        base = name(of: parameter.rawValue, in: cell.layout ?? TorchLayout())
      case .gate(let gate, let part):
        let key = scalarKeys[part] ?? part.rawValue
        base = gate.map { "\($0.rawValue).\(part.rawValue)" } ?? part.rawValue
        scalarKey = gate.map { "\($0.rawValue).\(key)" } ?? key
      }
      if tensor.count == 1, let scalarKey {
        names.append(scalarKey)
        continue
      }
      for row in 0..<tensor.rows {
        for column in 0..<tensor.columns {
          names.append(tensor.columns == 1 ? "\(base)[\(row)]" : "\(base)[\(row)][\(column)]")
        }
      }
    }
    return names
  }

  /// The keys of the scalar form for each part of a gate.
  private static let scalarKeys: [GateWeights.Part: String] = [
    .stmWeights: ModelDecoding.weightKeys[0], .inputWeights: ModelDecoding.weightKeys[1],
    .bias: ModelDecoding.weightKeys[2],
  ]

  /// The cell alone, as `json(for:layout:indent:)` writes an LSTM or a twin.
  public static func json(for cell: CellModel, layout: TorchLayout?, indent: Int = 0) -> String {
    switch cell {
    case .lstm(let model): json(for: model, layout: layout, indent: indent)
    case .rnn(let model): json(for: model, layout: layout, indent: indent)
    }
  }
}
