/// One of PyTorch's tensors of a cell (`nn.LSTM`, `nn.LSTMCell`, `nn.RNN`).
public enum TorchParameter: String, Sendable, CaseIterable {
  /// `weight_ih`: the input weights, 4n×m for the LSTM (blocks i, f, g, o), n×m for the RNN.
  case weightIH = "weight_ih"
  /// `weight_hh`: the STM weights, 4n×n (or n×n).
  case weightHH = "weight_hh"
  /// `bias_ih`, 4n (or n).
  case biasIH = "bias_ih"
  /// `bias_hh`, 4n (or n).
  case biasHH = "bias_hh"
}

/// One tensor that training updates, as `torch.optim` sees a parameter: its role, its shape,
/// and where its numbers sit in the cell's flat list of parameters.
public struct ParameterTensor: Sendable, Equatable {
  /// What the tensor is.
  public enum Role: Sendable, Equatable {
    /// One part of a gate in the teaching form, one bias per gate (the RNN's weights have no
    /// gate).
    case gate(Gate?, GateWeights.Part)
    /// One of PyTorch's tensors, for a cell read from a state_dict.
    case torch(TorchParameter)
  }

  /// What the tensor is.
  public let role: Role
  /// Its rows (a bias is a column).
  public let rows: Int
  /// Its columns.
  public let columns: Int
  /// Where its first number is in `TrainableCell.values`; the rest follow row by row.
  public let offset: Int

  /// The number of numbers it holds.
  public var count: Int { rows * columns }
}

/// A cell as training sees it: its weights as one flat list of parameters, tensor by tensor.
///
/// The scalar teaching form (no layout) has one bias per gate: 12 numbers for the LSTM, gate by
/// gate (forget, input, candidate, output), each `stmWeight`, `inputWeight`, `bias`; 3 for the
/// twin. A cell read from a state_dict has PyTorch's tensors in `named_parameters()` order,
/// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` (those the file has), so that `bias_ih` and
/// `bias_hh` are two parameters, each with its own optimizer state, as in torch.
public struct TrainableCell: Sendable, Equatable {
  /// The cell, as the runs use it (its bias the sum of the two, for a state_dict).
  public private(set) var cell: CellModel
  /// How PyTorch holds it, with the two biases as they now are; nil for the teaching form.
  public private(set) var layout: TorchLayout?
  /// The tensors, in order.
  public let tensors: [ParameterTensor]
  /// Every parameter, tensor after tensor.
  public private(set) var values: [Double]

  /// The parameters of `cell`, in the form `layout` says (nil: the teaching form). A layout's
  /// biases that no longer add up to the cell's are first made to (`TorchLayout.agreeing`).
  public init(_ cell: CellModel, layout: TorchLayout?) {
    let n = cell.hiddenSize
    let m = cell.inputSize
    let blocks = cell.isLSTM ? 4 : 1
    var tensors: [ParameterTensor] = []
    var values: [Double] = []
    func add(_ role: ParameterTensor.Role, _ rows: Int, _ columns: Int, _ numbers: [Double]) {
      tensors.append(
        ParameterTensor(role: role, rows: rows, columns: columns, offset: values.count))
      values += numbers
    }
    let agreed = layout.map { $0.agreeing(withBias: cell.torchOrderWeights.bias) }
    if let agreed {
      let weights = cell.torchOrderWeights
      add(.torch(.weightIH), blocks * n, m, weights.inputWeights)
      add(.torch(.weightHH), blocks * n, n, weights.stmWeights)
      if let bias = agreed.inputBias { add(.torch(.biasIH), blocks * n, 1, bias) }
      if let bias = agreed.stmBias { add(.torch(.biasHH), blocks * n, 1, bias) }
    } else {
      for (gate, weights) in cell.gateWeights {
        add(.gate(gate, .stmWeights), n, n, weights.stmWeights.storage)
        add(.gate(gate, .inputWeights), n, m, weights.inputWeights.storage)
        add(.gate(gate, .bias), n, 1, weights.bias)
      }
    }
    self.cell = cell
    self.layout = agreed
    self.tensors = tensors
    self.values = values
  }

  /// The same cell with the parameters `values` (as many as `values` has now): the cell's
  /// weights rebuilt from them, and for a state_dict its two biases kept and summed.
  public func with(values newValues: [Double]) -> TrainableCell {
    precondition(newValues.count == values.count)
    var next = self
    next.values = newValues
    let n = cell.hiddenSize
    let m = cell.inputSize
    let blocks = cell.isLSTM ? 4 : 1
    if var layout {
      var weights = (inputWeights: [Double](), stmWeights: [Double](), bias: [Double]())
      for tensor in tensors {
        let numbers = Array(newValues[tensor.offset..<tensor.offset + tensor.count])
        switch tensor.role {
        case .torch(.weightIH): weights.inputWeights = numbers
        case .torch(.weightHH): weights.stmWeights = numbers
        case .torch(.biasIH): layout.inputBias = numbers
        case .torch(.biasHH): layout.stmBias = numbers
        case .gate: break
        }
      }
      weights.bias = TorchLayout.summedBias(
        inputBias: layout.inputBias, stmBias: layout.stmBias, count: blocks * n)
      next.layout = layout
      next.cell = cell.fromTorchOrder(weights)
    } else {
      var gates: [GateWeights] = []
      var k = 0
      while k < tensors.count {
        func numbers(_ tensor: ParameterTensor) -> [Double] {
          Array(newValues[tensor.offset..<tensor.offset + tensor.count])
        }
        gates.append(
          GateWeights(
            stmWeights: Matrix(rows: n, columns: n, storage: numbers(tensors[k])),
            inputWeights: Matrix(rows: n, columns: m, storage: numbers(tensors[k + 1])),
            bias: numbers(tensors[k + 2])))
        k += 3
      }
      next.cell = cell.withGateWeights(gates)
    }
    return next
  }

  /// Adds ∂L/∂ every parameter, laid out as `values`, to `flat`, from the weight gradients of
  /// the cell (`gradients`: the LSTM's four gates in `Gate.allCases` order, or the RNN's one,
  /// with `gate` giving each). Both of PyTorch's biases have the bias's gradient.
  func addGradient(
    gates count: Int, _ gate: (Int) -> GateWeights, into flat: inout [Double]
  ) {
    if layout != nil {
      let torch = cell.torchOrder((0..<count).map(gate))
      for tensor in tensors {
        let numbers: [Double]
        switch tensor.role {
        case .torch(.weightIH): numbers = torch.inputWeights
        case .torch(.weightHH): numbers = torch.stmWeights
        case .torch(.biasIH), .torch(.biasHH): numbers = torch.bias
        case .gate: numbers = []
        }
        for (k, number) in numbers.enumerated() { flat[tensor.offset + k] += number }
      }
      return
    }
    var offset = 0
    func add(_ numbers: [Double]) {
      for number in numbers {
        flat[offset] += number
        offset += 1
      }
    }
    for k in 0..<count {
      let weights = gate(k)
      add(weights.stmWeights.storage)
      add(weights.inputWeights.storage)
      add(weights.bias)
    }
  }
}

extension CellModel {
  /// Whether this is the LSTM.
  var isLSTM: Bool {
    if case .lstm = self { return true }
    return false
  }

  /// Each gate's weights in `Gate.allCases` order (the RNN's as one, with no gate).
  var gateWeights: [(Gate?, GateWeights)] {
    switch self {
    case .lstm(let model): Gate.allCases.map { ($0, model.gates[$0]) }
    case .rnn(let model): [(nil, model.weights)]
    }
  }

  /// The weights as PyTorch stacks them, row by row: `weight_ih`, `weight_hh` and the bias.
  var torchOrderWeights: (inputWeights: [Double], stmWeights: [Double], bias: [Double]) {
    torchOrder(gateWeights.map(\.1))
  }

  /// `gates` (in `Gate.allCases` order, or the RNN's one) stacked as PyTorch stacks them.
  func torchOrder(
    _ gates: [GateWeights]
  ) -> (inputWeights: [Double], stmWeights: [Double], bias: [Double]) {
    let ordered: [GateWeights] =
      isLSTM
      ? Gate.pytorchOrder.map { gate in gates[Gate.allCases.firstIndex(of: gate) ?? 0] } : gates
    return (
      ordered.flatMap(\.inputWeights.storage), ordered.flatMap(\.stmWeights.storage),
      ordered.flatMap(\.bias)
    )
  }

  /// This cell with the weights `torch` (stacked as PyTorch stacks them).
  func fromTorchOrder(
    _ torch: (inputWeights: [Double], stmWeights: [Double], bias: [Double])
  ) -> CellModel {
    let n = hiddenSize
    let m = inputSize
    let blocks = isLSTM ? 4 : 1
    var gates = [GateWeights](
      repeating: GateWeights(stmWeight: 0, inputWeight: 0, bias: 0), count: blocks)
    for block in 0..<blocks {
      let slot = isLSTM ? Gate.allCases.firstIndex(of: Gate.pytorchOrder[block]) ?? 0 : 0
      gates[slot] = GateWeights(
        stmWeights: Matrix(
          rows: n, columns: n, storage: Array(torch.stmWeights[block * n * n..<(block + 1) * n * n])
        ),
        inputWeights: Matrix(
          rows: n, columns: m,
          storage: Array(torch.inputWeights[block * n * m..<(block + 1) * n * m])),
        bias: Array(torch.bias[block * n..<(block + 1) * n]))
    }
    return withGateWeights(gates)
  }

  /// This cell with `gates` (in `Gate.allCases` order, or the RNN's one), which have its sizes.
  func withGateWeights(_ gates: [GateWeights]) -> CellModel {
    do {
      switch self {
      case .lstm(let model):
        return .lstm(
          try LSTMModel(
            inputSize: model.inputSize, hiddenSize: model.hiddenSize,
            gates: PerGate { gates[Gate.allCases.firstIndex(of: $0) ?? 0] }))
      case .rnn(let model):
        return .rnn(
          try RNNModel(inputSize: model.inputSize, hiddenSize: model.hiddenSize, weights: gates[0]))
      }
    } catch {
      preconditionFailure("the weights were made in the cell's own shapes: \(error.message)")
    }
  }
}

extension Lesson {
  /// The LSTM (or, with `twin`, the plain-RNN twin) as training sees it, in the form the lesson
  /// holds it; nil for a twin the lesson does not have.
  public func trainableCell(twin: Bool) -> TrainableCell? {
    if twin {
      return rnn.map { TrainableCell(.rnn($0), layout: rnnLayout) }
    }
    return TrainableCell(.lstm(model), layout: modelLayout)
  }

  /// This lesson with `cell` (trained) in place of its LSTM or its twin, whichever it is, in
  /// the same form; the sequences and their targets stay.
  public func replacing(_ cell: TrainableCell) -> Lesson {
    var lesson = self
    switch cell.cell {
    case .lstm(let model): (lesson.model, lesson.modelLayout) = (model, cell.layout)
    case .rnn(let model): (lesson.rnn, lesson.rnnLayout) = (model, cell.layout)
    }
    return lesson
  }
}
