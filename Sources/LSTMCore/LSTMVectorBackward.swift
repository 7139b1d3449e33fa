extension SequenceRun {
  /// The whole backward pass of a vector cell (see `gradients(of:)`).
  ///
  /// The O(n²) work of a step (each gate's `W_stmᵀ·∂J/∂x` and `W_inᵀ·∂J/∂x`, and the weight
  /// gradients' outer products) runs on one scratch buffer; the outputs are written once a step.
  func vectorGradients(of objective: Objective) -> LSTMGradients {
    let n = model.hiddenSize
    let m = model.inputSize
    let steps = count
    var ltmGradients = [Double](repeating: 0, count: (steps + 1) * n)
    var stmGradients = [Double](repeating: 0, count: (steps + 1) * n)
    var inputGradients = [Double](repeating: 0, count: steps * m)
    var xGradients = PerGate { _ in [Double](repeating: 0, count: steps * n) }
    var directPath = [Double](repeating: 1, count: (steps + 1) * n)
    let scratch = BackwardScratch(hiddenSize: n, inputSize: m)
    // Each gate's W_stm, then each gate's W_in, row by row.
    let weights =
      Gate.allCases.flatMap { model.gates[$0].stmWeights.storage }
      + Gate.allCases.flatMap { model.gates[$0].inputWeights.storage }
    let prediction = stmValues[steps * n..<(steps + 1) * n]
    for j in 0..<n {
      stmGradients[steps * n + j] = objective.stmGradient(unit: j, prediction: prediction)
    }
    var trace = StepTrace(t: 0, inputSize: m, hiddenSize: n)
    var sums = [Double](repeating: 0, count: scratch.sumsCount)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: scratch.count) { work in
      work.initialize(repeating: 0)
      weights.withUnsafeBufferPointer { weights in
        for t in stride(from: steps, through: 1, by: -1) {
          // Step t again, from the memories stored before it: the same code as the run's.
          trace.t = t - 1
          for j in 0..<n {
            trace.stm[j] = stmValues[(t - 1) * n + j]
            trace.ltm[j] = ltmValues[(t - 1) * n + j]
          }
          model.advance(&trace, input: sequence.input(at: t))
          for j in 0..<n {
            let forget = trace.gates.forget.value[j]
            let unit = UnitBackward(
              stm: stmGradients[t * n + j], carried: work[scratch.carried + j], forget: forget,
              input: trace.gates.input.value[j], candidate: trace.gates.candidate.value[j],
              output: trace.gates.output.value[j], ltmIn: trace.ltmIn[j],
              potential: trace.stmPotential[j])
            ltmGradients[t * n + j] = unit.ltm
            work[j] = unit.x.forget
            work[n + j] = unit.x.input
            work[2 * n + j] = unit.x.candidate
            work[3 * n + j] = unit.x.output
            xGradients.forget[(t - 1) * n + j] = unit.x.forget
            xGradients.input[(t - 1) * n + j] = unit.x.input
            xGradients.candidate[(t - 1) * n + j] = unit.x.candidate
            xGradients.output[(t - 1) * n + j] = unit.x.output
            work[scratch.carried + j] = unit.ltm * forget
            directPath[(t - 1) * n + j] = directPath[t * n + j] * forget
          }
          let x = UnsafeBufferPointer(rebasing: work[0..<4 * n])
          trace.stmIn.withUnsafeBufferPointer { stmIn in
            trace.input.withUnsafeBufferPointer { input in
              sums.withUnsafeMutableBufferPointer { sums in
                scratch.accumulate(x: x, stmIn: stmIn, input: input, into: sums)
              }
            }
          }
          let total = scratch.sendBack(x, weights, offset: 0, columns: n, work)
          for k in 0..<n {
            stmGradients[(t - 1) * n + k] = total[k]
          }
          let inputTotal = scratch.sendBack(x, weights, offset: 4 * n * n, columns: m, work)
          for k in 0..<m {
            inputGradients[(t - 1) * m + k] = inputTotal[k]
          }
        }
        for j in 0..<n {
          ltmGradients[j] = work[scratch.carried + j]
        }
      }
    }
    let weightGradients = PerGate { gate in
      let g = Gate.allCases.firstIndex(of: gate) ?? 0
      let stm = g * n * n
      let input = 4 * n * n + g * n * m
      let bias = 4 * n * (n + m) + g * n
      return GateWeights(
        stmWeights: Matrix(rows: n, columns: n, storage: Array(sums[stm..<stm + n * n])),
        inputWeights: Matrix(rows: n, columns: m, storage: Array(sums[input..<input + n * m])),
        bias: Array(sums[bias..<bias + n]))
    }
    return LSTMGradients(
      objective: objective, objectiveValue: objective.value(prediction: prediction),
      hiddenSize: n, inputSize: m, count: steps, ltmGradients: ltmGradients,
      stmGradients: stmGradients, inputGradients: inputGradients, xGradients: xGradients,
      directPathProducts: directPath, weightGradients: weightGradients)
  }
}

/// Where the vector backward pass keeps its numbers between steps.
///
/// The scratch buffer holds the step's ∂J/∂x (4n, gate by gate), the carried LTM gradient (n),
/// and what the step sends back to the STM or the input, one gate's part and the total. The sums are, gate by gate, ∂J/∂W_stm (n×n each), then ∂J/∂W_in (n×m each), then ∂J/∂b.
struct BackwardScratch {
  /// n.
  let hiddenSize: Int
  /// m.
  let inputSize: Int

  /// Where the carried `∂J/∂LTM_{t+1}·f_{t+1}` starts.
  var carried: Int { 4 * hiddenSize }
  /// Where one gate's part of what a step sends back starts (room for n or m values).
  var part: Int { 5 * hiddenSize }
  /// Where the four gates' total sent back starts (room for n or m values).
  var total: Int { 5 * hiddenSize + max(hiddenSize, inputSize) }
  /// The scratch buffer's size.
  var count: Int { 5 * hiddenSize + 2 * max(hiddenSize, inputSize) }
  /// The sums' size.
  var sumsCount: Int { 4 * hiddenSize * (hiddenSize + inputSize + 1) }

  /// Adds one step's outer products `∂J/∂x ⊗ STM_{t−1}`, `∂J/∂x ⊗ input_t` and `∂J/∂x` to `sums`.
  @inline(__always)
  func accumulate(
    x: UnsafeBufferPointer<Double>, stmIn: UnsafeBufferPointer<Double>,
    input: UnsafeBufferPointer<Double>, into sums: UnsafeMutableBufferPointer<Double>
  ) {
    let n = hiddenSize
    let m = inputSize
    for row in 0..<4 * n {
      let gradient = x[row]
      let stmRow = row * n
      for k in 0..<n {
        sums[stmRow + k] += gradient * stmIn[k]
      }
      let inputRow = 4 * n * n + row * m
      for k in 0..<m {
        sums[inputRow + k] += gradient * input[k]
      }
      sums[4 * n * (n + m) + row] += gradient
    }
  }

  /// `Σ_gates W_gᵀ·∂J/∂x_g` for every column at once: each gate's sums from 0 over its units
  /// (as `addBack` adds), then the four added in gate order. Gate g's W (n rows of `columns`) is
  /// at `offset + g·n·columns` in `weights`, row by row. Returns the part of `work` that holds it.
  @inline(__always)
  func sendBack(
    _ x: UnsafeBufferPointer<Double>, _ weights: UnsafeBufferPointer<Double>, offset: Int,
    columns: Int, _ work: UnsafeMutableBufferPointer<Double>
  ) -> UnsafeMutableBufferPointer<Double> {
    let n = hiddenSize
    let part = UnsafeMutableBufferPointer(rebasing: work[part..<part + columns])
    let total = UnsafeMutableBufferPointer(rebasing: work[self.total..<self.total + columns])
    for g in 0..<4 {
      addBack(
        UnsafeBufferPointer(rebasing: x[g * n..<(g + 1) * n]),
        UnsafeBufferPointer(
          rebasing: weights[offset + g * n * columns..<offset + (g + 1) * n * columns]),
        into: part)
      for k in 0..<columns {
        total[k] = g == 0 ? part[k] : total[k] + part[k]
      }
    }
    return total
  }
}
