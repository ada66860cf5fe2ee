namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Every bound of the flow analysis in one place. Each one trades precision for a guaranteed end (or a bounded cost)
    /// on pathological code; none is reached on ordinary code. Where a bound is hit the analysis answers
    /// conservatively (more content assumed, never less), so a bound can cost a false positive, not a missed one.
    /// </summary>
    internal static class FlowLimits
    {
        /// <summary>
        /// How deep summaries nest before the binding-free fallback answers. Summaries are computed once per method and
        /// reused from any caller, so the bound is generous: it only guards against pathological chains.
        /// </summary>
        public const int MaxCallDepth = 40;

        /// <summary>
        /// How often the fixpoint of one method revisits a basic block before it stops following that block: loops whose
        /// values keep growing (a self-referencing object built in a loop) still end.
        /// </summary>
        public const int MaxBlockVisits = 40;

        /// <summary>How deep local functions called from local functions are analyzed with their captured state.</summary>
        public const int MaxLocalFunctionDepth = 3;

        /// <summary>
        /// How deep per-member values of an object nest in a <see cref="TaintValue"/>; deeper members fold into their
        /// parent, so self-referencing objects stay small.
        /// </summary>
        public const int MaxFieldDepth = 4;

        /// <summary>
        /// How many AI sources a <see cref="TaintValue"/> keeps for its message, per kind (unlabeled and labeled; one
        /// per registration notice). The verdict never depends on it, only the list of sources a message names.
        /// </summary>
        public const int MaxSources = 16;

        /// <summary>How deep a type is unwrapped (task, nullable, array, sequence) to tell whether it can carry text; deeper is content-capable.</summary>
        public const int MaxContentTypeDepth = 4;

        /// <summary>
        /// How many flow contexts one compilation keeps (one per set of additional files and analyzer config options);
        /// the oldest is dropped when another is needed.
        /// </summary>
        public const int MaxSharedContexts = 4;

        /// <summary>How deep arrays and objects nest in the user model file; deeper is a syntax error, so a hostile file cannot overflow the stack.</summary>
        public const int MaxJsonDepth = 64;

        /// <summary>How many further sources an AIC001 diagnostic lists as additional locations.</summary>
        public const int MaxUnlabeledAdditionalLocations = 8;

        /// <summary>How many statements before an <c>AddAttribute</c> call are searched for the <c>OpenComponent</c> that makes it a component parameter.</summary>
        public const int MaxComponentAttributeLookBack = 64;

        /// <summary>How many further source calls an AIC003 (no registered service) diagnostic lists as additional locations.</summary>
        public const int MaxRegistrationAdditionalLocations = 20;
    }
}
