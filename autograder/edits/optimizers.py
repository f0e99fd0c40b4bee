"""Mistakes students make in assignment 04 (mutants) and valid rewrites (variants).

Each is an edit of the source notebook's solution cell, so that no second copy of a
solution exists: a mutant must lose the exercise's points, a variant must keep them.
"""

from autograder.submissions import Edit

# Lines of the solution cells that the edits change.
GD_LOOP = "for key in parameters:"
GD_STEP = 'parameters[key] = parameters[key] - learning_rate * grads["d" + key]'
PERMUTATION = "permutation = rng.permutation(m)"
SHUFFLE = "X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation]"
SLICES = "for start in range(0, m, mini_batch_size):"
APPEND = "mini_batches.append((X_shuffled[:, start:end], Y_shuffled[:, start:end]))"
EWA_STEP = "V = beta * V + (1 - beta) * values[t - 1]"
EWA_STORE = "averages[t - 1] = V / (1 - beta ** t) if bias_correction else V"
ZEROS_LOOP = "for key, value in parameters.items():"
V_ZEROS = 'v["d" + key] = np.zeros_like(value)'
S_ZEROS = 's["d" + key] = np.zeros_like(value)'
MOMENTUM_V = 'v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]'
MOMENTUM_STEP = 'parameters[key] = parameters[key] - learning_rate * v["d" + key]'
RMS_S = 's["d" + key] = beta2 * s["d" + key] + (1 - beta2) * g ** 2'
RMS_DENOMINATOR = '(np.sqrt(s["d" + key]) + epsilon)'
RMS_STEP = f"parameters[key] = parameters[key] - learning_rate * g / {RMS_DENOMINATOR}"
ADAM_V = "v[d] = beta1 * v[d] + (1 - beta1) * grads[d]"
ADAM_S = "s[d] = beta2 * s[d] + (1 - beta2) * grads[d] ** 2"
ADAM_VC = "v_corrected[d] = v[d] / (1 - beta1 ** t)"
ADAM_SC = "s_corrected[d] = s[d] / (1 - beta2 ** t)"
ADAM_STEP = "learning_rate * v_corrected[d] / (np.sqrt(s_corrected[d]) + epsilon)"
ADAM_UPDATE = f"parameters[key] = parameters[key] - {ADAM_STEP}"
ADAM_RETURN = "return parameters, v, s, v_corrected, s_corrected"
INVERSE_TIME = "return learning_rate0 / (1 + decay_rate * epoch_num)"
COMPLETED = "np.floor(epoch_num / time_interval)"
STAIRCASE = "return learning_rate0 / (1 + decay_rate * completed)"
EXPONENTIAL = "return learning_rate0 * base ** epoch_num"
INVERSE_SQRT = "return k * learning_rate0 / np.sqrt(epoch_num + 1)"


def _replace(function, description, old, new, named_by=""):
    """An edit with a single replacement."""
    return Edit(function, description, ((old, new),), named_by=named_by)


MUTANTS = [
    # gradient descent
    _replace("update_parameters_with_gd", "adds the gradient instead of subtracting it",
             GD_STEP, GD_STEP.replace("] - learning_rate", "] + learning_rate"), named_by="moved WITH its gradient"),
    _replace("update_parameters_with_gd", "learning rate hard-coded to 0.01", "- learning_rate *", "- 0.01 *",
        named_by="as with learning rate 0.01"),
    _replace("update_parameters_with_gd", "updates the weights only, not the biases",
             GD_LOOP, 'for key in [k for k in parameters if k.startswith("W")]:',
        named_by="the biases b1 and b2 did not"),
    _replace("update_parameters_with_gd", "skips the last layer", GD_LOOP, "for key in list(parameters)[:-2]:",
        named_by="the last layer (W2, b2) did not"),
    # mini-batches
    _replace("random_mini_batches", "no shuffle", PERMUTATION, "permutation = np.arange(m)",
        named_by="come out in their original order"),
    _replace("random_mini_batches", "shuffles X and Y with two different permutations",
             SHUFFLE, "X_shuffled, Y_shuffled = X[:, permutation], Y[:, rng.permutation(m)]",
        named_by="no longer sit next to their labels"),
    _replace("random_mini_batches", "draws from the global numpy state, ignoring rng",
             PERMUTATION, "permutation = np.random.permutation(m)", named_by="not from np.random"),
    _replace("random_mini_batches", "seeds the global numpy state with np.random.seed and shuffles with np.random",
             PERMUTATION, "np.random.seed(0)\n    permutation = np.random.permutation(m)",
        named_by="no np.random.seed(...)"),
    _replace("random_mini_batches", "seeds rng with rng.seed, which a Generator does not have",
             PERMUTATION, f"rng.seed(0)\n    {PERMUTATION}", named_by="it has no seed method"),
    _replace("random_mini_batches", "drops the last, smaller batch",
             SLICES, "for start in range(0, m - mini_batch_size + 1, mini_batch_size):",
        named_by="the last, smaller batch of the"),
    _replace("random_mini_batches", "an empty last batch when m is a multiple of the size",
             SLICES, "for start in range(0, (m // mini_batch_size + 1) * mini_batch_size, mini_batch_size):",
        named_by="the last batch is empty"),
    _replace("random_mini_batches", "reshapes Y into one row",
             SHUFFLE, "X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation].reshape((1, m))",
        named_by="do not reshape it to (1, m)"),
    Edit("random_mini_batches", "batch size hard-coded to 64",
         ((SLICES, "for start in range(0, m, 64):"), ("end = start + mini_batch_size", "end = start + 64")),
        named_by="those of the default size 64"),
    _replace("random_mini_batches", "draws every example independently, with replacement",
             PERMUTATION, "permutation = rng.integers(0, m, size=m)", named_by="drawn with replacement"),
    # exponentially weighted averages
    _replace("exponentially_weighted_average", "starts from the first value instead of 0", "V = 0.0", "V = values[0]",
        named_by="instead of V = 0"),
    _replace("exponentially_weighted_average", "beta and 1 - beta swapped",
             EWA_STEP, "V = (1 - beta) * V + beta * values[t - 1]", named_by="the value got the weight beta"),
    _replace("exponentially_weighted_average", "bias correction exponent off by one",
             EWA_STORE, "averages[t - 1] = V / (1 - beta ** (t + 1)) if bias_correction else V",
        named_by="1 - beta**(t + 1)"),
    _replace("exponentially_weighted_average", "feeds the corrected value back into the recursion",
             EWA_STORE, "V = V / (1 - beta ** t) if bias_correction else V\n        averages[t - 1] = V",
        named_by="continue the recursion from the corrected value"),
    _replace("exponentially_weighted_average", "always corrects, ignoring bias_correction",
             EWA_STORE, "averages[t - 1] = V / (1 - beta ** t)",
        named_by="bias-corrected although bias_correction is False"),
    # state initializers
    _replace("initialize_velocity", "keys without the d prefix", 'v["d" + key]', "v[key]",
        named_by="the parameters' own names"),
    _replace("initialize_velocity", "copies the parameters instead of zeros", V_ZEROS, 'v["d" + key] = value',
        named_by="hold the parameters' values"),
    _replace("initialize_velocity", "every entry shaped like a bias", "np.zeros_like(value)",
             "np.zeros((value.shape[0], 1))", named_by="the shape (n, 1) of a bias"),
    _replace("initialize_velocity", "velocities for the weights only",
             ZEROS_LOOP, f'{ZEROS_LOOP}\n        if key[0] != "W":\n            continue',
        named_by="no entries for the biases"),
    _replace("initialize_rmsprop", "keys without the d prefix", 's["d" + key]', "s[key]",
        named_by="the parameters' own names"),
    _replace("initialize_rmsprop", "ones instead of zeros", "np.zeros(value.shape)", "np.ones(value.shape)",
        named_by="are all ones, not zeros"),
    _replace("initialize_rmsprop", "every entry transposed", "np.zeros(value.shape)", "np.zeros(value.T.shape)",
        named_by="the transpose of its parameter's shape"),
    _replace("initialize_rmsprop", "a flat vector per parameter", "np.zeros(value.shape)", "np.zeros(value.size)",
        named_by="a flat vector"),
    _replace("initialize_adam", "v and s share their arrays", S_ZEROS, 's["d" + key] = v["d" + key]',
        named_by="an update of one would change the other"),
    _replace("initialize_adam", "v and s are the same dict", "v, s = {}, {}", "v = s = {}",
        named_by="an update of one would change the other"),
    Edit("initialize_adam", "keys without the d prefix", (('v["d" + key]', "v[key]"), ('s["d" + key]', "s[key]")),
        named_by="the parameters' own names"),
    _replace("initialize_adam", "s copies the parameters", S_ZEROS, 's["d" + key] = value',
        named_by="hold the parameters' values"),
    # momentum
    _replace("update_parameters_with_momentum", "steps with the gradient, not the velocity",
             MOMENTUM_STEP, 'parameters[key] = parameters[key] - learning_rate * grads["d" + key]',
        named_by="plain gradient step"),
    _replace("update_parameters_with_momentum", "steps with the old velocity",
             f"{MOMENTUM_V}\n        {MOMENTUM_STEP}", f"{MOMENTUM_STEP}\n        {MOMENTUM_V}",
        named_by="OLD velocity"),
    _replace("update_parameters_with_momentum", "forgets the factor 1 - beta",
             MOMENTUM_V, 'v["d" + key] = beta * v["d" + key] + grads["d" + key]',
        named_by="the factor 1 - beta of the gradient is missing"),
    _replace("update_parameters_with_momentum", "beta and 1 - beta swapped",
             MOMENTUM_V, 'v["d" + key] = (1 - beta) * v["d" + key] + beta * grads["d" + key]',
        named_by="beta and 1 - beta are swapped"),
    _replace("update_parameters_with_momentum", "beta hard-coded to 0.9",
             MOMENTUM_V, 'v["d" + key] = 0.9 * v["d" + key] + (1 - 0.9) * grads["d" + key]',
        named_by="not with the beta argument 0.8"),
    # RMSprop
    _replace("update_parameters_with_rmsprop", "epsilon inside the square root",
             RMS_DENOMINATOR, 'np.sqrt(s["d" + key] + epsilon)', named_by="epsilon went inside the square root"),
    _replace("update_parameters_with_rmsprop", "epsilon hard-coded to 1e-8", "+ epsilon)", "+ 1e-8)",
        named_by="the epsilon argument is not used"),
    _replace("update_parameters_with_rmsprop", "divides by s without the square root",
             RMS_DENOMINATOR, '(s["d" + key] + epsilon)', named_by="the square root of s is missing"),
    _replace("update_parameters_with_rmsprop", "averages |dW| instead of dW squared",
             RMS_S, 's["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.abs(g)', named_by="an average of |dW|"),
    _replace("update_parameters_with_rmsprop", "steps before updating s",
             f"{RMS_S}\n        {RMS_STEP}", f"{RMS_STEP}\n        {RMS_S}", named_by="the OLD s"),
    # Adam
    Edit("update_parameters_with_adam", "no bias correction",
         ((ADAM_VC, "v_corrected[d] = v[d]"), (ADAM_SC, "s_corrected[d] = s[d]")),
        named_by="the bias correction is missing"),
    _replace("update_parameters_with_adam", "epsilon inside the square root",
             ADAM_STEP, "learning_rate * v_corrected[d] / np.sqrt(s_corrected[d] + epsilon)",
        named_by="epsilon went inside the square root"),
    _replace("update_parameters_with_adam", "beta1 in the correction of s",
             ADAM_SC, "s_corrected[d] = s[d] / (1 - beta1 ** t)", named_by="corrected with beta1 instead of beta2"),
    Edit("update_parameters_with_adam", "hard-coded default betas",
         ((ADAM_V, "v[d] = 0.9 * v[d] + (1 - 0.9) * grads[d]"),
          (ADAM_S, "s[d] = 0.999 * s[d] + (1 - 0.999) * grads[d] ** 2")), named_by="beta1 = 0.9, the default"),
    Edit("update_parameters_with_adam", "stores the corrected averages in v and s",
         ((ADAM_VC, "v[d] = v_corrected[d] = v[d] / (1 - beta1 ** t)"),
          (ADAM_SC, "s[d] = s_corrected[d] = s[d] / (1 - beta2 ** t)")), named_by="holds the bias-corrected average"),
    Edit("update_parameters_with_adam", "step counted from 0 in the correction",
         ((ADAM_VC, "v_corrected[d] = v[d] / (1 - beta1 ** (t + 1))"),
          (ADAM_SC, "s_corrected[d] = s[d] / (1 - beta2 ** (t + 1))")), named_by="the step number is one too large"),
    _replace("update_parameters_with_adam", "returns three values, parameters, v and s",
             ADAM_RETURN, "return parameters, v, s",
        named_by="some versions of this exercise return only parameters, v and s"),
    _replace("update_parameters_with_adam", "steps with the uncorrected v",
             ADAM_STEP, ADAM_STEP.replace("v_corrected[d]", "v[d]"), named_by="a step with the uncorrected v"),
    # learning-rate decay
    _replace("update_lr", "divides only by 1 + decay_rate, then multiplies by the epoch",
             INVERSE_TIME, "return learning_rate0 / (1 + decay_rate) * epoch_num",
        named_by="the epoch multiplies the rate"),
    _replace("update_lr", "multiplies by 1 / (1 + decay_rate) per epoch",
             INVERSE_TIME, "return learning_rate0 / (1 + decay_rate) ** epoch_num",
        named_by="a division by 1 + decay_rate at every epoch"),
    _replace("update_lr", "epoch counted from 1",
             INVERSE_TIME, "return learning_rate0 / (1 + decay_rate * (epoch_num + 1))",
        named_by="the epochs are counted from 1"),
    _replace("schedule_lr_decay", "no floor: decays continuously", COMPLETED, "epoch_num / time_interval",
        named_by="without the floor"),
    _replace("schedule_lr_decay", "rounds instead of flooring", COMPLETED, "np.round(epoch_num / time_interval)",
        named_by="rounded to the nearest whole number"),
    _replace("schedule_lr_decay", "time interval hard-coded to 1000", COMPLETED, "np.floor(epoch_num / 1000)",
        named_by="for a time_interval of 1000"),
    _replace("schedule_lr_decay", "multiplies instead of dividing",
             STAIRCASE, "return learning_rate0 * (1 + decay_rate * completed)", named_by="MULTIPLIED by"),
    _replace("exponential_lr_decay", "base hard-coded to 0.95",
             EXPONENTIAL, "return learning_rate0 * 0.95 ** epoch_num", named_by="for base 0.95, the default"),
    _replace("exponential_lr_decay", "base times epoch instead of a power",
             EXPONENTIAL, "return learning_rate0 * base * epoch_num", named_by="base times the epoch"),
    _replace("exponential_lr_decay", "epoch counted from 1",
             EXPONENTIAL, "return learning_rate0 * base ** (epoch_num + 1)", named_by="the epochs are counted from 1"),
    _replace("inverse_sqrt_decay", "epoch counted from 1: the root of epoch_num",
             INVERSE_SQRT, "return k * learning_rate0 / np.sqrt(epoch_num)", named_by="the epochs are counted from 1"),
    _replace("inverse_sqrt_decay", "epoch counted from 1, with math.sqrt (raises at epoch 0)",
             INVERSE_SQRT, "import math\n    return k * learning_rate0 / math.sqrt(epoch_num)",
             named_by="Epochs count from 0 here"),
    _replace("inverse_sqrt_decay", "no square root", INVERSE_SQRT, "return k * learning_rate0 / (epoch_num + 1)",
             named_by="without the square root"),
    _replace("inverse_sqrt_decay", "adds 1 after the root", INVERSE_SQRT,
             "return k * learning_rate0 / (np.sqrt(epoch_num) + 1)", named_by="the 1 is added after the root"),
    _replace("inverse_sqrt_decay", "ignores k", INVERSE_SQRT, "return learning_rate0 / np.sqrt(epoch_num + 1)",
             named_by="for k = 1, the default"),
    _replace("inverse_sqrt_decay", "divides by k", INVERSE_SQRT,
             "return learning_rate0 / (k * np.sqrt(epoch_num + 1))", named_by="k divides instead of multiplying"),
]

VARIANTS = [
    _replace("update_parameters_with_gd", "in-place -= on the arrays",
             GD_STEP, 'parameters[key] -= learning_rate * grads["d" + key]'),
    _replace("update_parameters_with_gd", "a new dict from a comprehension",
             f"{GD_LOOP}\n        {GD_STEP}\n    return parameters",
             'return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}'),
    _replace("update_parameters_with_gd", "loops over the layers l = 1 .. L",
             f"{GD_LOOP}\n        {GD_STEP}",
             'for l in range(1, len(parameters) // 2 + 1):\n'
             '        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]\n'
             '        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]'),
    _replace("random_mini_batches", "rng.choice without replacement",
             PERMUTATION, "permutation = rng.choice(m, size=m, replace=False)"),
    _replace("random_mini_batches", "reshapes the shuffled Y to (n_y, m)",
             SHUFFLE, "X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation].reshape((Y.shape[0], m))"),
    _replace("random_mini_batches", "shuffles an index array in place",
             PERMUTATION, "permutation = np.arange(m)\n    rng.shuffle(permutation)"),
    Edit("random_mini_batches", "shuffles X and Y stacked together, then counts the complete batches",
         ((SHUFFLE, "stacked = np.vstack([X, Y])[:, permutation]\n"
                    "    X_shuffled, Y_shuffled = stacked[:X.shape[0]], stacked[X.shape[0]:]"),
          (f"{SLICES}\n        end = start + mini_batch_size\n        {APPEND}",
           "complete = m // mini_batch_size\n"
           "    for k in range(complete):\n"
           "        cut = slice(k * mini_batch_size, (k + 1) * mini_batch_size)\n"
           "        mini_batches.append((X_shuffled[:, cut], Y_shuffled[:, cut]))\n"
           "    if m % mini_batch_size:\n"
           "        rest = slice(complete * mini_batch_size, m)\n"
           "        mini_batches.append((X_shuffled[:, rest], Y_shuffled[:, rest]))"))),
    Edit("exponentially_weighted_average", "collects a list, corrects all at once at the end",
         (("averages = np.zeros_like(values)", "averages = []"),
          (EWA_STORE, "averages.append(V)"),
          ("return averages", "averages = np.array(averages)\n"
                              "    if bias_correction:\n"
                              "        averages = averages / (1 - beta ** np.arange(1, len(values) + 1))\n"
                              "    return averages"))),
    Edit("exponentially_weighted_average", "loops with enumerate and a 0-based index",
         (("for t in range(1, len(values) + 1):", "for i, value in enumerate(values):\n        t = i + 1"),
          ("values[t - 1]", "value"))),
    _replace("exponentially_weighted_average", "written as V + (1 - beta) * (value - V)",
             EWA_STEP, "V = V + (1 - beta) * (values[t - 1] - V)"),
    _replace("initialize_velocity", "a dict comprehension with np.zeros(shape)",
             f"v = {{}}\n    {ZEROS_LOOP}\n        {V_ZEROS}",
             'v = {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}'),
    _replace("initialize_velocity", "loops over the layers l = 1 .. L",
             f"{ZEROS_LOOP}\n        {V_ZEROS}",
             'for l in range(1, len(parameters) // 2 + 1):\n'
             '        v[f"dW{l}"] = np.zeros(parameters[f"W{l}"].shape)\n'
             '        v[f"db{l}"] = np.zeros(parameters[f"b{l}"].shape)'),
    _replace("initialize_rmsprop", "np.zeros_like", "np.zeros(value.shape)", "np.zeros_like(value)"),
    _replace("initialize_rmsprop", "multiplies the parameters by 0 (new arrays)",
             "np.zeros(value.shape)", "value * 0.0"),
    Edit("initialize_adam", "builds s as a copy of v",
         ((f"        {S_ZEROS}\n", ""),
          ("return v, s", "s = {key: value.copy() for key, value in v.items()}\n    return v, s"))),
    _replace("initialize_adam", "two dict comprehensions",
             f"v, s = {{}}, {{}}\n    {ZEROS_LOOP}\n        {V_ZEROS}\n        {S_ZEROS}",
             'v = {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}\n'
             '    s = {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}'),
    Edit("update_parameters_with_momentum", "in-place array updates",
         ((MOMENTUM_V, 'v["d" + key] *= beta\n        v["d" + key] += (1 - beta) * grads["d" + key]'),
          (MOMENTUM_STEP, 'parameters[key] -= learning_rate * v["d" + key]'))),
    _replace("update_parameters_with_momentum", "new dicts, loop over the layers",
             f"for key in parameters:\n        {MOMENTUM_V}\n        {MOMENTUM_STEP}\n    return parameters, v",
             "new_parameters, new_v = {}, {}\n"
             "    for l in range(1, len(parameters) // 2 + 1):\n"
             '        for name in (f"W{l}", f"b{l}"):\n'
             '            new_v["d" + name] = beta * v["d" + name] + (1 - beta) * grads["d" + name]\n'
             '            new_parameters[name] = parameters[name] - learning_rate * new_v["d" + name]\n'
             "    return new_parameters, new_v"),
    Edit("update_parameters_with_rmsprop", "in-place array updates with np.square",
         ((RMS_S, 's["d" + key] *= beta2\n        s["d" + key] += (1 - beta2) * np.square(g)'),
          (RMS_STEP, f"parameters[key] -= learning_rate * g / {RMS_DENOMINATOR}"))),
    _replace("update_parameters_with_rmsprop", "divides the gradient first, then multiplies",
             RMS_STEP, 'parameters[key] = parameters[key] - (g / (s["d" + key] ** 0.5 + epsilon)) * learning_rate'),
    Edit("update_parameters_with_adam", "in-place array updates",
         ((ADAM_V, "v[d] *= beta1\n        v[d] += (1 - beta1) * grads[d]"),
          (ADAM_S, "s[d] *= beta2\n        s[d] += (1 - beta2) * np.square(grads[d])"),
          (ADAM_UPDATE, f"parameters[key] -= {ADAM_STEP}"))),
    Edit("update_parameters_with_adam", "new dicts and np.power",
         ((GD_LOOP, f"new_parameters, v, s = dict(parameters), dict(v), dict(s)\n    {GD_LOOP}"),
          (ADAM_VC, "v_corrected[d] = v[d] / (1 - np.power(beta1, t))"),
          (ADAM_SC, "s_corrected[d] = s[d] / (1 - np.power(beta2, t))"),
          (ADAM_UPDATE, f"new_parameters[key] = parameters[key] - {ADAM_STEP}"),
          (ADAM_RETURN, ADAM_RETURN.replace("return parameters", "return new_parameters")))),
    _replace("update_parameters_with_adam", "epsilon added to s_corrected ** 0.5",
             ADAM_STEP, "learning_rate * v_corrected[d] / (s_corrected[d] ** 0.5 + epsilon)"),
    _replace("update_lr", "multiplies by the inverse",
             INVERSE_TIME, "return learning_rate0 * (1.0 + decay_rate * epoch_num) ** -1"),
    _replace("update_lr", "returns a Python float explicitly",
             INVERSE_TIME, "return float(learning_rate0 / (1 + decay_rate * epoch_num))"),
    _replace("schedule_lr_decay", "integer division //", COMPLETED, "epoch_num // time_interval"),
    Edit("schedule_lr_decay", "int() truncation and a Python float",
         ((COMPLETED, "int(epoch_num / time_interval)"),
          (STAIRCASE, "return float(learning_rate0 / (1 + decay_rate * completed))"))),
    _replace("exponential_lr_decay", "np.power", EXPONENTIAL, "return learning_rate0 * np.power(base, epoch_num)"),
    _replace("exponential_lr_decay", "through exp and log",
             EXPONENTIAL, "return learning_rate0 * np.exp(epoch_num * np.log(base))"),
    _replace("inverse_sqrt_decay", "a power of -1/2", INVERSE_SQRT,
             "return k * learning_rate0 * (epoch_num + 1) ** -0.5"),
    _replace("inverse_sqrt_decay", "math.sqrt and a Python float", INVERSE_SQRT,
             "import math\n    return float(k * learning_rate0 / math.sqrt(epoch_num + 1))"),
]

#: The mistakes of the example submission "mistakes".
EXAMPLE_MISTAKES = [
    next(m for m in MUTANTS if m.description == "shuffles X and Y with two different permutations"),
    next(m for m in MUTANTS if m.function == "update_parameters_with_adam" and m.description == "no bias correction"),
]
