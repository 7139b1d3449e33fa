// LSTMCore: the maths, and nothing else.
//
// Holds: the cells (the LSTM; the plain RNN as a second case of `CellModel`), gates, activations,
// packed weights, runs over a sequence that keep only the memories and recompute a step on
// demand, stacked layers, backpropagation through time, training (torch.optim's Adam and SGD, a
// cell as a list of parameters, a trainer that runs one epoch at a time).
// Must not hold: display text, file formats, parsers, text measuring, trace writers, I/O.
// Imports: CLSTMKernels (the activations in C) only. Everything else imports it.
