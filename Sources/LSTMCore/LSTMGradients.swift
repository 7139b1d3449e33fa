/// Backpropagation through time of one sequence run for one objective: every gradient, exact.
///
/// Kept flat, t-major, like `SequenceRun.stmValues`: O(T·n) numbers, no struct per step. The
/// memories' gradients have a step 0 (the zero memories the run starts from, what PyTorch calls
/// the gradient of h0 and c0); the per-step gradients (input, each gate's x) count from step 1.
/// Every term of one step's formulas is recomputed on demand by `SequenceRun.backwardStep(at:of:)`.
public struct LSTMGradients: Sendable, Equatable {
  /// What was differentiated.
  public let objective: Objective
  /// J itself: the prediction of the objective's unit, or the loss.
  public let objectiveValue: Double
  /// The size n of the memories.
  public let hiddenSize: Int
  /// The size m of each input.
  public let inputSize: Int
  /// The number of timesteps T.
  public let count: Int
  /// ∂J/∂LTM_t, the total derivative with respect to the LTM after step t (0...T), laid out as
  /// `SequenceRun.ltmValues`: unit j of step t at `t·hiddenSize + j`.
  public let ltmGradients: [Double]
  /// ∂J/∂STM_t, the total derivative with respect to the STM after step t (0...T), laid out as
  /// `ltmGradients`.
  public let stmGradients: [Double]
  /// ∂J/∂input_t (t = 1...T), laid out as `InputSequence.values`: value k of step t at
  /// `(t − 1)·inputSize + k`.
  public let inputGradients: [Double]
  /// Each gate's ∂J/∂x_t (t = 1...T): unit j of step t at `(t − 1)·hiddenSize + j`.
  public let xGradients: PerGate<[Double]>
  /// The LTM's direct path from step t (0...T) to the end, `∏_{k=t+1..T} f_k` for each unit
  /// (1 at t = T), laid out as `ltmGradients`: how much of ∂J/∂LTM_T reaches LTM_t unchanged by
  /// the STM (the constant error carousel).
  public let directPathProducts: [Double]
  /// ∂J/∂ each weight, summed over the steps: `stmWeights` n×n, `inputWeights` n×m and `bias` n
  /// for each gate. A PyTorch state_dict's two biases (`bias_ih`, `bias_hh`) each have the bias
  /// gradient.
  public let weightGradients: PerGate<GateWeights>

  /// ∂J/∂LTM of unit `unit` after step `t` (0...T).
  public func ltm(after t: Int, unit: Int) -> Double {
    ltmGradients[t * hiddenSize + unit]
  }

  /// ∂J/∂STM of unit `unit` after step `t` (0...T).
  public func stm(after t: Int, unit: Int) -> Double {
    stmGradients[t * hiddenSize + unit]
  }

  /// ∂J/∂input_t (t = 1...T), `inputSize` values.
  public func input(at t: Int) -> ArraySlice<Double> {
    inputGradients[(t - 1) * inputSize..<t * inputSize]
  }

  /// ∂J/∂x of `gate` at step `t` (1...T) for unit `unit`.
  public func x(of gate: Gate, at t: Int, unit: Int) -> Double {
    xGradients[gate][(t - 1) * hiddenSize + unit]
  }

  /// `∏_{k=t+1..T} f_k` of unit `unit`, for t in 0...T.
  public func directPathProduct(after t: Int, unit: Int) -> Double {
    directPathProducts[t * hiddenSize + unit]
  }
}

/// The backward numbers of one unit at one step: what the LTM and STM gradients make of the
/// forward values. The whole-sequence loop and `BackwardStep` both call this, so the numbers a
/// step shows are bit for bit the stored ones.
struct UnitBackward {
  /// `∂J/∂STM_t · o_t · (1 − tanh²(LTM_t))`, the LTM gradient that comes through this step's STM.
  var throughSTM: Double
  /// `∂J/∂LTM_t`: the carried term plus `throughSTM`.
  var ltm: Double
  /// ∂J/∂ each gate's value.
  var value: (forget: Double, input: Double, candidate: Double, output: Double)
  /// The slope of each gate's activation at its x: `σ(x)(1 − σ(x))` or `1 − tanh²(x)`.
  var slope: (forget: Double, input: Double, candidate: Double, output: Double)
  /// ∂J/∂ each gate's x: value times slope.
  var x: (forget: Double, input: Double, candidate: Double, output: Double)

  /// One unit's backward step, from `∂J/∂STM_t` (`stm`), the carried `∂J/∂LTM_{t+1}·f_{t+1}`,
  /// the step's gate values, the LTM coming in, and `tanh(LTM_t)` (`potential`).
  @inline(__always)
  init(
    stm: Double, carried: Double, forget: Double, input: Double, candidate: Double,
    output: Double, ltmIn: Double, potential: Double
  ) {
    throughSTM = stm * output * (1 - potential * potential)
    ltm = carried + throughSTM
    value = (ltm * ltmIn, ltm * candidate, ltm * input, stm * potential)
    slope = (
      forget * (1 - forget), input * (1 - input), 1 - candidate * candidate, output * (1 - output)
    )
    x = (value.0 * slope.0, value.1 * slope.1, value.2 * slope.2, value.3 * slope.3)
  }
}

/// `out[k] = Σ_j gradients[j]·W[j, k]` for every column k: what one gate's ∂J/∂x sends back to
/// the STM or the input. Each entry is summed over j in order from 0; the loop runs over the
/// columns inside, so the sums move on together. `weights` is W row by row.
@inline(__always)
func addBack(
  _ gradients: UnsafeBufferPointer<Double>, _ weights: UnsafeBufferPointer<Double>,
  into out: UnsafeMutableBufferPointer<Double>
) {
  let columns = out.count
  for k in 0..<columns {
    out[k] = 0
  }
  for j in 0..<gradients.count {
    let gradient = gradients[j]
    let row = j * columns
    for k in 0..<columns {
      out[k] += gradient * weights[row + k]
    }
  }
}
