"""Mistakes students make in assignment 01 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

W_ZEROS = "np.zeros((layers_dims[l], layers_dims[l - 1]))"
B_ZEROS = "np.zeros((layers_dims[l], 1))"
LOOP = "for l in range(1, len(layers_dims)):"
DRAW = "rng.standard_normal((layers_dims[l], layers_dims[l - 1]))"
HE = "np.sqrt(2 / layers_dims[l - 1])"
XAVIER = "np.sqrt(1 / layers_dims[l - 1])"
#: What the visible check says of a transposed W and of a bias stored as a row.
TRANSPOSED = "is transposed: W[l] has one row per unit"
ROW_BIAS = "is a row; b[l] is a column"
ZIP_LOOP = "for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:]), start=1):"


def _initializer_mutants(function, scale_text):
    """Mistakes any random initializer can have, given the text of its scale factor."""
    return [
        Edit(function, "draws from the global numpy state, ignoring rng",
             ((DRAW, "np.random.randn(layers_dims[l], layers_dims[l - 1])"),), named_by="not from np.random"),
        Edit(function, "seeds a new generator inside the function",
             (("parameters = {}", "parameters = {}\n    rng = np.random.default_rng(0)"),),
             named_by="Do not create a generator with a fixed seed"),
        Edit(function, "uniform instead of normal draw", ((DRAW, "rng.random((layers_dims[l], layers_dims[l - 1]))"),),
             named_by="like a uniform draw"),
        Edit(function, "weights transposed", ((DRAW, "rng.standard_normal((layers_dims[l - 1], layers_dims[l]))"),),
             named_by=TRANSPOSED),
        Edit(function, "biases as a row", ((B_ZEROS, "np.zeros((1, layers_dims[l]))"),), named_by=ROW_BIAS),
        Edit(function, "scale factor missing", ((f" * {scale_text}", ""),),
             named_by="the std of a standard normal draw alone"),
    ]


def _initializer_variants(function, scale_text):
    """Correct rewrites of a random initializer, given the text of its scale factor."""
    return [
        Edit(function, "rng.normal with the scale as standard deviation",
             ((f"{DRAW} * {scale_text}", f"rng.normal(0.0, {scale_text}, size=(layers_dims[l], layers_dims[l - 1]))"),)),
        Edit(function, "draws the transposed shape and transposes it",
             ((DRAW, "rng.standard_normal((layers_dims[l - 1], layers_dims[l])).T"),)),
        Edit(function, "loops over zipped layer sizes",
             ((LOOP, ZIP_LOOP), (DRAW, "rng.standard_normal((n, n_prev))"), (B_ZEROS, "np.zeros((n, 1))"))),
    ]


MUTANTS = [
    Edit("initialize_parameters_zeros", "weights transposed",
         ((W_ZEROS, "np.zeros((layers_dims[l - 1], layers_dims[l]))"),), named_by=TRANSPOSED),
    Edit("initialize_parameters_zeros", "biases as a row", ((B_ZEROS, "np.zeros((1, layers_dims[l]))"),),
         named_by=ROW_BIAS),
    Edit("initialize_parameters_zeros", "stops one layer early", ((LOOP, "for l in range(1, len(layers_dims) - 1):"),),
         named_by="is missing: l runs from 1 to L"),
    Edit("initialize_parameters_zeros", "hard-coded for three layers", ((LOOP, "for l in range(1, 4):"),),
         named_by="not a fixed number of layers"),
    Edit("initialize_parameters_zeros", "ones instead of zeros for the weights", ((W_ZEROS, W_ZEROS.replace("zeros", "ones")),),
         named_by="Those weights are ones (np.ones)"),
    Edit("initialize_parameters_zeros", "biases sized like the previous layer", ((B_ZEROS, "np.zeros((layers_dims[l - 1], 1))"),),
         named_by="the size of the previous layer"),
    Edit("initialize_parameters_zeros", "loop from l = 0 adds W0 and b0", ((LOOP, "for l in range(len(layers_dims)):"),),
         named_by="the input layer has no parameters"),
    *_initializer_mutants("initialize_parameters_random", "scale"),
    Edit("initialize_parameters_random", "scale hard-coded to 10", (("* scale", "* 10"),),
         named_by="10 is only its default"),
    Edit("initialize_parameters_random", "scale used as the variance (times sqrt(scale))", (("* scale", "* np.sqrt(scale)"),),
         named_by="`scale` is the standard deviation itself, not the variance"),
    Edit("initialize_parameters_random", "rng.normal(scale, scale): weights centered at scale, not 0",
         ((f"{DRAW} * scale", "rng.normal(scale, scale, size=(layers_dims[l], layers_dims[l - 1]))"),),
         named_by="the first argument of rng.normal, loc, is the mean"),
    Edit("initialize_parameters_random", "rng.normal(scale, size=...): the scale passed as the mean",
         ((f"{DRAW} * scale", "rng.normal(scale, size=(layers_dims[l], layers_dims[l - 1]))"),),
         named_by="the first argument of rng.normal, loc, is the mean"),
    *_initializer_mutants("initialize_parameters_he", HE),
    Edit("initialize_parameters_he", "Xavier's 1 instead of He's 2", ((HE, XAVIER),),
         named_by="Xavier's scale; He's has 2"),
    Edit("initialize_parameters_he", "fan-out n[l] instead of fan-in n[l-1]", ((HE, "np.sqrt(2 / layers_dims[l])"),),
         named_by="with the layer's own number of units (fan-out)"),
    Edit("initialize_parameters_he", "variance used as the standard deviation", ((HE, "(2 / layers_dims[l - 1])"),),
         named_by="the variance; the standard deviation is its square root"),
    Edit("initialize_parameters_he", "n_x for every layer instead of n[l-1]", ((HE, "np.sqrt(2 / layers_dims[0])"),),
         named_by="with the number of input features for every layer"),
    *_initializer_mutants("initialize_parameters_xavier", XAVIER),
    Edit("initialize_parameters_xavier", "He's 2 instead of Xavier's 1", ((XAVIER, HE),),
         named_by="He's scale; Xavier's has 1"),
    Edit("initialize_parameters_xavier", "fan-out n[l] instead of fan-in n[l-1]", ((XAVIER, "np.sqrt(1 / layers_dims[l])"),),
         named_by="with the layer's own number of units (fan-out)"),
    Edit("initialize_parameters_xavier", "divides by n[l-1] without the square root", ((XAVIER, "(1 / layers_dims[l - 1])"),),
         named_by="the variance; the standard deviation is its square root"),
    Edit("initialize_parameters_xavier", "Glorot's sqrt(2 / (n[l-1] + n[l])) instead of the fan-in version",
         ((XAVIER, "np.sqrt(2 / (layers_dims[l - 1] + layers_dims[l]))"),), named_by="That is Glorot's"),
    Edit("initialize_parameters_xavier", "n_x for every layer instead of n[l-1]", ((XAVIER, "np.sqrt(1 / layers_dims[0])"),),
         named_by="with the number of input features for every layer"),
    Edit("activation_stds", "std of Z instead of A", (("np.std(A)", "np.std(Z)"),), named_by="Those are the stds of Z"),
    Edit("activation_stds", "biases ignored", ((' + parameters[f"b{l}"]', ""),),
         named_by="Those are the stds without the biases"),
    Edit("activation_stds", "last layer skipped",
         (("range(1, nn.layer_count(parameters) + 1)", "range(1, nn.layer_count(parameters))"),),
         named_by="the loop stops before the last layer"),
    Edit("activation_stds", "mean of the per-unit stds", (("np.std(A)", "np.std(A, axis=1).mean()"),),
         named_by="the mean of the per-unit stds"),
    Edit("activation_stds", "records the input's std too", (("stds = []", "stds = [float(np.std(X))]"),),
         named_by="The first value is the std of the input X"),
    Edit("activation_stds", "g(Z) not unpacked: A is the pair (A, cache)", (("A, _ = g(Z)", "A = g(Z)"),),
         named_by="taken over the pair (A, cache)"),
    Edit("activation_stds", "no activation on the last layer",
         (("A, _ = g(Z)", "A, _ = g(Z) if l < nn.layer_count(parameters) else (Z, Z)"),),
         named_by="Apply g to the last layer too"),
    Edit("activation_stds", "np.var instead of np.std", (("np.std(A)", "np.var(A)"),), named_by="Those are variances"),
    Edit("activation_stds", "sample std (ddof=1)", (("np.std(A)", "np.std(A, ddof=1)"),),
         named_by="do not pass ddof=1"),
]

VARIANTS = [
    Edit("initialize_parameters_zeros", "loops over zipped layer sizes",
         ((LOOP, ZIP_LOOP), (W_ZEROS, "np.zeros((n, n_prev))"), (B_ZEROS, "np.zeros((n, 1))"))),
    Edit("initialize_parameters_zeros", "np.zeros with a list shape and dtype",
         ((W_ZEROS, "np.zeros([layers_dims[l], layers_dims[l - 1]], dtype=np.float64)"),
          (B_ZEROS, "np.zeros([layers_dims[l], 1], dtype=np.float64)"))),
    *_initializer_variants("initialize_parameters_random", "scale"),
    *_initializer_variants("initialize_parameters_he", HE),
    Edit("initialize_parameters_he", "divides by sqrt(n[l-1] / 2)", ((f"* {HE}", "/ np.sqrt(layers_dims[l - 1] / 2)"),)),
    Edit("initialize_parameters_he", "np.sqrt(2) / np.sqrt(n[l-1])", ((HE, "(np.sqrt(2) / np.sqrt(layers_dims[l - 1]))"),)),
    *_initializer_variants("initialize_parameters_xavier", XAVIER),
    Edit("initialize_parameters_xavier", "divides by sqrt(n[l-1])", ((f"* {XAVIER}", "/ np.sqrt(layers_dims[l - 1])"),)),
    Edit("activation_stds", "np.dot instead of @", (('parameters[f"W{l}"] @ A', 'np.dot(parameters[f"W{l}"], A)'),)),
    Edit("activation_stds", "std written out as a root mean square",
         (("float(np.std(A))", "float(np.sqrt(np.mean((A - A.mean()) ** 2)))"),)),
    Edit("activation_stds", "returns a numpy array", (("return stds", "return np.array(stds)"),)),
    Edit("activation_stds", "the activations written out with np.maximum and np.tanh",
         (("A, _ = g(Z)", 'A = {"relu": np.maximum(Z, 0), "tanh": np.tanh(Z), "linear": Z}[activation]'),)),
]

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "Xavier's 1 instead of He's 2"),
    next(m for m in MUTANTS if m.description == "std of Z instead of A"),
]
