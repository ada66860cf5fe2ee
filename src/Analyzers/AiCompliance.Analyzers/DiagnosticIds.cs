namespace AiCompliance.Analyzers
{
    /// <summary>Every diagnostic id AiCompliance reports, in one place.</summary>
    public static class DiagnosticIds
    {
        /// <summary>AI-generated content reaches a user-facing output without a label.</summary>
        public const string UnlabeledAiOutput = "AIC001";

        /// <summary>The compilation calls an LLM SDK but declares no [RegisteredAiService].</summary>
        public const string ServiceNotRegistered = "AIC003";

        /// <summary>Registration number malformed.</summary>
        public const string MalformedRegistrationNumber = "AIC002";

        /// <summary>The registration number of a registered service is never shown.</summary>
        public const string RegistrationNeverShown = "AIC004";

        /// <summary>A label is cut, rewritten or searched for removal.</summary>
        public const string LabelTampering = "AIC005";

        /// <summary>Label wording does not meet the jurisdiction.</summary>
        public const string NonCompliantLabelWording = "AIC006";

        /// <summary>The user model file (aicompliance.json) has a problem: invalid JSON, an unknown key, a bad entry.</summary>
        public const string InvalidUserModel = "AIC007";

        /// <summary>[RegisteredAiService] on a class the generator cannot fill.</summary>
        public const string InvalidServiceTarget = "AIC008";

        /// <summary>AiCompliance could not analyze a method (or the compilation): its outputs are not checked.</summary>
        public const string AnalysisFailed = "AIC009";

        /// <summary>A public member of a library returns AI content without [AiGenerated]: other projects cannot see it is AI content.</summary>
        public const string UndeclaredAiReturn = "AIC010";

        /// <summary>EU profile: a chat surface shows AI answers with no interaction notice (AI Act Art. 50(1)).</summary>
        public const string InteractionNoticeMissing = "AIC011";

        /// <summary>Report only (hidden, off by default): AI content reaches a user, labeled.</summary>
        public const string LabeledAiOutput = "AIC900";

        /// <summary>Report only (hidden, off by default): a call that produces AI content.</summary>
        public const string AiSourceCall = "AIC901";
    }
}
