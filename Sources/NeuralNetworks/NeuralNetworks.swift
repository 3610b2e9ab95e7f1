// NeuralNetworks: layers with their backward passes, losses, optimizers, checkpoints
// (safetensors), the VAE and GAN with their training loops, and the classifier and Fréchet
// distance that measure samples. Everything a cached result depends on is here or below.
