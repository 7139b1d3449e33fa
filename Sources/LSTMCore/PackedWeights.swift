import CLSTMKernels

/// A vector cell's weights laid out so that sixteen units' pre-activations are summed together.
///
/// `GateWeights.x` sums one unit's row left to right, and each addition waits for the one before:
/// a cell of hidden size 128 spends most of a step waiting. Here the rows of each gate are taken
/// sixteen at a time, and within such a block the sixteen weights of one column sit side by side,
/// so a few SIMD multiplies and adds move sixteen sums on by one column (the loop is the C kernel
/// `lstmviz_gate_preactivations`, which uses AVX2 where the processor has it). Every lane still
/// adds the same products in the same order as `GateWeights.x`, from the same zero, never fused,
/// so each x is bit for bit the one the screen's formula `STM·w + input·w + b` adds up to.
struct PackedWeights: Sendable, Equatable {
  /// Units summed together.
  static let lanes = Int(LSTMVIZ_LANES)

  /// The hidden size n.
  let hiddenSize: Int
  /// The input size m.
  let inputSize: Int
  /// Blocks of sixteen rows per gate; the last block is padded with zero rows.
  let blocksPerGate: Int
  /// `W_stm` of each gate: entry (row `16·b + l`, column k) of gate g's block b is at
  /// `((g·blocksPerGate + b)·n + k)·16 + l`.
  let stmWeights: [Double]
  /// `W_in` of each gate, laid out as `stmWeights` with m columns.
  let inputWeights: [Double]

  /// Packs `gates` of a cell with hidden size `hiddenSize` and input size `inputSize`.
  init(gates: PerGate<GateWeights>, hiddenSize: Int, inputSize: Int) {
    let lanes = PackedWeights.lanes
    let blocks = (hiddenSize + lanes - 1) / lanes
    func pack(_ matrix: (GateWeights) -> Matrix, columns: Int) -> [Double] {
      var packed = [Double](repeating: 0, count: Gate.allCases.count * blocks * columns * lanes)
      for (g, gate) in Gate.allCases.enumerated() {
        let weights = matrix(gates[gate])
        for row in 0..<hiddenSize {
          let (block, lane) = row.quotientAndRemainder(dividingBy: lanes)
          for column in 0..<columns {
            packed[((g * blocks + block) * columns + column) * lanes + lane] =
              weights[row, column]
          }
        }
      }
      return packed
    }
    self.hiddenSize = hiddenSize
    self.inputSize = inputSize
    blocksPerGate = blocks
    stmWeights = pack(\.stmWeights, columns: hiddenSize)
    inputWeights = pack(\.inputWeights, columns: inputSize)
  }

  /// Nothing packed: what the scalar cell keeps, whose step reads its twelve numbers directly.
  static let none = PackedWeights(
    hiddenSize: 1, inputSize: 1, blocksPerGate: 0, stmWeights: [], inputWeights: [])

  /// Packed weights made of their parts.
  private init(
    hiddenSize: Int, inputSize: Int, blocksPerGate: Int, stmWeights: [Double],
    inputWeights: [Double]
  ) {
    self.hiddenSize = hiddenSize
    self.inputSize = inputSize
    self.blocksPerGate = blocksPerGate
    self.stmWeights = stmWeights
    self.inputWeights = inputWeights
  }

  /// Writes the x of every unit of the gate at `Gate.allCases[g]` into `x`:
  /// `W_stm·stm + W_in·input + bias`, with `stm` n values, `input` m, `x` n.
  func preActivations(
    ofGate g: Int, bias: [Double], stm: UnsafeBufferPointer<Double>,
    input: UnsafeBufferPointer<Double>, into x: UnsafeMutableBufferPointer<Double>
  ) {
    let gateStride = blocksPerGate * PackedWeights.lanes
    stmWeights.withUnsafeBufferPointer { stmWeights in
      inputWeights.withUnsafeBufferPointer { inputWeights in
        bias.withUnsafeBufferPointer { bias in
          guard let stmBase = stmWeights.baseAddress, let inputBase = inputWeights.baseAddress
          else { return }
          lstmviz_gate_preactivations(
            stmBase + g * gateStride * hiddenSize, stm.baseAddress, hiddenSize,
            inputBase + g * gateStride * inputSize, input.baseAddress, inputSize,
            bias.baseAddress, hiddenSize, x.baseAddress)
        }
      }
    }
  }
}
