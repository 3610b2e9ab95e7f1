// ANCHOR: model
let model = 1
// ANCHOR_END: model
