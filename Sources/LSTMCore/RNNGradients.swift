/// Backpropagation through time of one plain-RNN run for one objective, kept flat like
/// `LSTMGradients`.
public struct RNNGradients: Sendable, Equatable {
  /// What was differentiated.
  public let objective: Objective
  /// J itself: the prediction of the objective's unit, or the loss.
  public let objectiveValue: Double
  /// The size n of the STM.
  public let hiddenSize: Int
  /// The size m of each input.
  public let inputSize: Int
  /// The number of timesteps T.
  public let count: Int
  /// ∂J/∂STM_t, the total derivative with respect to the STM after step t (0...T), laid out as
  /// `RNNRun.stmValues`: unit j of step t at `t·hiddenSize + j`.
  public let stmGradients: [Double]
  /// ∂J/∂input_t (t = 1...T): value k of step t at `(t − 1)·inputSize + k`.
  public let inputGradients: [Double]
  /// ∂J/∂x_t = ∂J/∂STM_t·(1 − STM_t²) (t = 1...T): unit j of step t at `(t − 1)·hiddenSize + j`.
  public let xGradients: [Double]
  /// Each step's factor on the path that stays in one unit, `W_stm[j, j]·(1 − STM_t[j]²)`
  /// (t = 1...T), laid out as `xGradients`. In the scalar twin the whole backward step:
  /// `∂J/∂STM_{t−1} = ∂J/∂STM_t · stmWeight·(1 − STM_t²)`.
  public let selfLoopFactors: [Double]
  /// The running product `∏_{k=t+1..T}` of `selfLoopFactors` for each unit (t = 0...T, 1 at
  /// t = T), laid out as `stmGradients`: the RNN's counterpart of the LSTM's `∏f`.
  public let directPathProducts: [Double]
  /// ∂J/∂ each weight, summed over the steps: `stmWeights` n×n, `inputWeights` n×m, `bias` n.
  public let weightGradients: GateWeights

  /// ∂J/∂STM of unit `unit` after step `t` (0...T).
  public func stm(after t: Int, unit: Int) -> Double {
    stmGradients[t * hiddenSize + unit]
  }

  /// ∂J/∂input_t (t = 1...T), `inputSize` values.
  public func input(at t: Int) -> ArraySlice<Double> {
    inputGradients[(t - 1) * inputSize..<t * inputSize]
  }

  /// ∂J/∂x at step `t` (1...T) for unit `unit`.
  public func x(at t: Int, unit: Int) -> Double {
    xGradients[(t - 1) * hiddenSize + unit]
  }

  /// The self-loop factor of step `t` (1...T) for unit `unit`.
  public func selfLoopFactor(at t: Int, unit: Int) -> Double {
    selfLoopFactors[(t - 1) * hiddenSize + unit]
  }

  /// `∏_{k=t+1..T}` of the self-loop factors of unit `unit`, for t in 0...T.
  public func directPathProduct(after t: Int, unit: Int) -> Double {
    directPathProducts[t * hiddenSize + unit]
  }
}

extension RNNRun {
  /// Backpropagation through time: every gradient of `objective` for this run, exact.
  ///
  /// From `∂J/∂STM_T` (J's own gradient), for each step t from T back to 1:
  /// ```
  /// ∂J/∂x_t       = ∂J/∂STM_t · (1 − STM_t²)
  /// ∂J/∂STM_{t−1} = W_stmᵀ·∂J/∂x_t        ∂J/∂input_t = W_inᵀ·∂J/∂x_t
  /// ```
  /// O(T·n²) time, O(T·n) memory; the slope needs only the stored STM, so nothing is recomputed.
  /// - Precondition: `objective.fits(hiddenSize: model.hiddenSize)`.
  public func gradients(of objective: Objective) -> RNNGradients {
    precondition(objective.fits(hiddenSize: model.hiddenSize))
    let n = model.hiddenSize
    let m = model.inputSize
    let steps = count
    var stmGradients = [Double](repeating: 0, count: (steps + 1) * n)
    var inputGradients = [Double](repeating: 0, count: steps * m)
    var xGradients = [Double](repeating: 0, count: steps * n)
    var factors = [Double](repeating: 0, count: steps * n)
    var products = [Double](repeating: 1, count: (steps + 1) * n)
    var stmWeightSums = [Double](repeating: 0, count: n * n)
    var inputWeightSums = [Double](repeating: 0, count: n * m)
    var biasSums = [Double](repeating: 0, count: n)
    let diagonal = (0..<n).map { j in model.weights.stmWeights[j, j] }
    let prediction = stmValues[steps * n..<(steps + 1) * n]
    for j in 0..<n {
      stmGradients[steps * n + j] = objective.stmGradient(unit: j, prediction: prediction)
    }
    let inputs = sequence.values
    for t in stride(from: steps, through: 1, by: -1) {
      for j in 0..<n {
        let stm = stmValues[t * n + j]
        let slope = 1 - stm * stm
        let x = stmGradients[t * n + j] * slope
        xGradients[(t - 1) * n + j] = x
        factors[(t - 1) * n + j] = diagonal[j] * slope
        products[(t - 1) * n + j] = products[t * n + j] * factors[(t - 1) * n + j]
        for k in 0..<n {
          stmWeightSums[j * n + k] += x * stmValues[(t - 1) * n + k]
        }
        for k in 0..<m {
          inputWeightSums[j * m + k] += x * inputs[(t - 1) * m + k]
        }
        biasSums[j] += x
      }
      xGradients.withUnsafeBufferPointer { all in
        let x = UnsafeBufferPointer(rebasing: all[(t - 1) * n..<t * n])
        stmGradients.withUnsafeMutableBufferPointer { stm in
          model.weights.stmWeights.storage.withUnsafeBufferPointer { weights in
            addBack(
              x, weights, into: UnsafeMutableBufferPointer(rebasing: stm[(t - 1) * n..<t * n]))
          }
        }
        inputGradients.withUnsafeMutableBufferPointer { input in
          model.weights.inputWeights.storage.withUnsafeBufferPointer { weights in
            addBack(
              x, weights, into: UnsafeMutableBufferPointer(rebasing: input[(t - 1) * m..<t * m]))
          }
        }
      }
    }
    return RNNGradients(
      objective: objective, objectiveValue: objective.value(prediction: prediction),
      hiddenSize: n, inputSize: m, count: steps, stmGradients: stmGradients,
      inputGradients: inputGradients, xGradients: xGradients, selfLoopFactors: factors,
      directPathProducts: products,
      weightGradients: GateWeights(
        stmWeights: Matrix(rows: n, columns: n, storage: stmWeightSums),
        inputWeights: Matrix(rows: n, columns: m, storage: inputWeightSums), bias: biasSums))
  }

  /// Every term of step `t`'s (1...T) backward formulas, recomputed in O(n²) from `gradients`
  /// (this run's, from `gradients(of:)`) and the forward step.
  public func backwardStep(at t: Int, of gradients: RNNGradients) -> RNNBackwardStep {
    precondition(gradients.count == count && gradients.hiddenSize == model.hiddenSize)
    precondition(t >= 1 && t <= count)
    let n = model.hiddenSize
    let forward = step(at: t)
    let memory = t * n..<(t + 1) * n
    let stm = Array(gradients.stmGradients[memory])
    var stmFromObjective = [Double](repeating: 0, count: n)
    if t == count {
      for j in 0..<n {
        stmFromObjective[j] = gradients.objective.stmGradient(
          unit: j, prediction: stmValues[memory])
      }
    }
    let slope = forward.stm.map { 1 - $0 * $0 }
    let x = zip(stm, slope).map { $0 * $1 }
    return RNNBackwardStep(
      t: t, forward: forward, stmFromObjective: stmFromObjective, stm: stm, slope: slope, x: x,
      stmIn: backContributions(x, model.weights.stmWeights),
      input: backContributions(x, model.weights.inputWeights),
      selfLoopFactor: (0..<n).map { j in model.weights.stmWeights[j, j] * slope[j] },
      directPathProduct: Array(gradients.directPathProducts[memory]))
  }
}

/// Every term of one step of the plain RNN's backward formulas, one value per unit (per input
/// for `input`); bit for bit the numbers stored in `RNNGradients`.
public struct RNNBackwardStep: Sendable, Equatable {
  /// The timestep, counting from 1.
  public var t: Int
  /// The forward step t.
  public var forward: RNNStepTrace
  /// The gradient J itself puts on STM_t: `∂J/∂STM_T` at the last step, zeros before it.
  public var stmFromObjective: [Double]
  /// ∂J/∂STM_t (total): `stmFromObjective` at T, the next step's `stmIn` before it.
  public var stm: [Double]
  /// `1 − STM_t²`, the slope of tanh at x_t.
  public var slope: [Double]
  /// ∂J/∂x_t = `stm · slope`.
  public var x: [Double]
  /// ∂J/∂STM_{t−1} = `W_stmᵀ·x`.
  public var stmIn: [Double]
  /// ∂J/∂input_t = `W_inᵀ·x`.
  public var input: [Double]
  /// `W_stm[j, j]·(1 − STM_t[j]²)`: in the scalar twin, ∂J/∂STM_{t−1} = ∂J/∂STM_t × this.
  public var selfLoopFactor: [Double]
  /// `∏_{k=t+1..T}` of the self-loop factors (1 at t = T).
  public var directPathProduct: [Double]
}
