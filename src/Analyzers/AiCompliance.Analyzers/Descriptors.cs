using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers
{
    /// <summary>The one registry of AiCompliance diagnostic descriptors; each links to its page in docs/rules.</summary>
    internal static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/aicompliance/aicompliance/blob/main/docs/rules/";

        public const string RegistrationCategory = "AiCompliance.Registration";
        public const string LabelingCategory = "AiCompliance.Labeling";
        public const string UsageCategory = "AiCompliance.Usage";
        public const string ReportCategory = "AiCompliance.Report";
        public const string DisclosureCategory = "AiCompliance.Disclosure";

        private const string AnalysisFailedTitle = "AiCompliance could not analyze code";
        private const string AnalysisFailedMessage = "AiCompliance could not analyze '{0}': its outputs are not checked ({1})";
        private const string AnalysisFailedDescription = "AiCompliance failed while analyzing this method (or the compilation), so AI content that reaches a user from it is not reported: the check is incomplete. Please report it with the message; the aicompliance scanner counts it toward an INCOMPLETE verdict.";

        public static readonly DiagnosticDescriptor UnlabeledAiOutput = Create(
            DiagnosticIds.UnlabeledAiOutput,
            "AI-generated content reaches a user without a label",
            "AI-generated content from '{0}' reaches '{1}'{2} without a label",
            LabelingCategory,
            DiagnosticSeverity.Error,
            "Every piece of AI-generated content a registered service shows or hands out must carry an explicit label (Measures for Labeling AI-Generated Synthetic Content, Art. 4; GB 45438-2025 §5). Label it with the generated Label(...) of your [RegisteredAiService] class, or use the client from WithLabels(...).");

        public static readonly DiagnosticDescriptor ServiceNotRegistered = new DiagnosticDescriptor(
            DiagnosticIds.ServiceNotRegistered,
            "AI service not registered",
            "This project calls '{0}' ({1} AI call(s) in all) but declares no [RegisteredAiService]: a service that offers generative AI must be registered and show its number",
            RegistrationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Apps that call an LLM through an API must use a registered generative-AI service and show its filing or launch number (Interim Measures for Generative AI Services; see regulation notes). Declare the service with [RegisteredAiService(\"<number>\")] on a static partial class.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.ServiceNotRegistered + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor MalformedRegistrationNumber = Create(
            DiagnosticIds.MalformedRegistrationNumber,
            "Registration number is malformed",
            "Registration number '{0}' is malformed: {1}; {2}",
            RegistrationCategory,
            DiagnosticSeverity.Error,
            "The filing (备案) or launch / registration (上线编号) number shown to users must have the published shape: a province in pinyin, the service name and a real date, with a 4-digit sequence for local registrations.");

        public static readonly DiagnosticDescriptor RegistrationNeverShown = new DiagnosticDescriptor(
            DiagnosticIds.RegistrationNeverShown,
            "Registration number never shown",
            "The registration of '{0}' ({1}) is never shown to users: pass {0}.RegistrationNotice to a user-facing output{2}",
            RegistrationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Apps that use a registered generative-AI service must show, prominently or on the product detail page, the service name and its filing or launch number. AIC004 looks for RegistrationNotice / RegistrationNumber reaching an AIC001 sink, or the number in a page or view the project ships (.razor, .cshtml, .html as additional files).",
            helpLinkUri: HelpLinkBase + DiagnosticIds.RegistrationNeverShown + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor LabelTampering = Create(
            DiagnosticIds.LabelTampering,
            "Label removed or altered",
            "'{0}' can remove or alter the AI-content label of labeled text; label after transforming, or transform the unlabeled text and label the result",
            LabelingCategory,
            DiagnosticSeverity.Warning,
            "Measures for Labeling AI-Generated Synthetic Content, Art. 10: labels must not be maliciously deleted, tampered with, forged or hidden. Cutting or rewriting labeled text (Substring, Remove, Replace, Split, Trim with characters, Regex.Replace, slicing) can drop the label before it reaches the user; searching the label text to remove it always does.");

        public static readonly DiagnosticDescriptor NonCompliantLabelWording = Create(
            DiagnosticIds.NonCompliantLabelWording,
            "Label wording does not meet the jurisdiction",
            "Label text '{0}' does not meet {1}: {2}; use wording such as '{3}'",
            LabelingCategory,
            DiagnosticSeverity.Error,
            "Each jurisdiction profile of the service checks the explicit label. China (GB 45438-2025 §5.1): an AI element (人工智能 or AI) and a generation element (生成 or 合成); 'AI' alone does not comply. EuropeanUnion (AI Act Art. 50, no fixed wording) and California (SB 942 manifest disclosure): the label names AI and says the content is generated or synthetic.");

        /// <summary>AIC006 on the <c>Jurisdiction</c> argument: bits no profile stands for (same id, category and severity as <see cref="NonCompliantLabelWording"/>).</summary>
        public static readonly DiagnosticDescriptor UnknownJurisdiction = Create(
            DiagnosticIds.NonCompliantLabelWording,
            "Label wording does not meet the jurisdiction",
            "Jurisdiction value {0} has bits no profile stands for ({1}): they are ignored; use Jurisdiction.China, Jurisdiction.EuropeanUnion, Jurisdiction.California or a combination of them",
            LabelingCategory,
            DiagnosticSeverity.Error,
            "Jurisdiction is a set of profiles (China = 1, EuropeanUnion = 2, California = 4). A value with other bits (a cast such as (Jurisdiction)8) names a profile this version does not know: the generator and the wording check ignore those bits, and use China when no known bit is left.");

        public static readonly DiagnosticDescriptor InvalidServiceTarget = Create(
            DiagnosticIds.InvalidServiceTarget,
            "[RegisteredAiService] class cannot be generated",
            "[RegisteredAiService] on '{0}' generates nothing: {1}; declare it as a non-generic 'static partial class' (every containing type partial too)",
            UsageCategory,
            DiagnosticSeverity.Error,
            "The generator adds the registration display and the labeling API to the class, so the class must be partial, non-generic, and nested only in partial, non-generic types.");

        public static readonly DiagnosticDescriptor InvalidUserModel = Create(
            DiagnosticIds.InvalidUserModel,
            "Invalid user model file",
            "'{0}' line {1}: {2}",
            UsageCategory,
            DiagnosticSeverity.Warning,
            "The user model file (aicompliance.json) declares sources, sinks, sanitizers, summaries, neutral and content members of types AiCompliance does not model. An entry with a problem is ignored; the rest of the file still applies. A JSON syntax error stops reading at that point. See docs/user-models.md.");

        /// <summary>AIC009 at a method: the engine failed on it, so its outputs are not checked.</summary>
        public static readonly DiagnosticDescriptor AnalysisFailed = Create(
            DiagnosticIds.AnalysisFailed,
            AnalysisFailedTitle,
            AnalysisFailedMessage,
            UsageCategory,
            DiagnosticSeverity.Warning,
            AnalysisFailedDescription);

        /// <summary>
        /// AIC009 for a whole compilation (Location.None, reported when the compilation ends): the per-compilation
        /// set-up failed, or a referenced SDK's source types cannot be resolved. Same id, text and severity as
        /// <see cref="AnalysisFailed"/>; only the CompilationEnd tag differs.
        /// </summary>
        public static readonly DiagnosticDescriptor AnalysisFailedCompilation = new DiagnosticDescriptor(
            DiagnosticIds.AnalysisFailed,
            AnalysisFailedTitle,
            AnalysisFailedMessage,
            UsageCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: AnalysisFailedDescription,
            helpLinkUri: HelpLinkBase + DiagnosticIds.AnalysisFailed + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>AIC010: a library's public member hands AI content to other projects without saying so.</summary>
        public static readonly DiagnosticDescriptor UndeclaredAiReturn = Create(
            DiagnosticIds.UndeclaredAiReturn,
            "Public member returns AI-generated content without [AiGenerated]",
            "'{0}' returns AI-generated content from '{1}' to other projects; mark it [AiGenerated] so their builds see that it is AI content",
            LabelingCategory,
            DiagnosticSeverity.Info,
            "Each project is analyzed on its own: a library method or property that returns unlabeled AI content is, in the projects that call it, an ordinary string. Marking it [AiGenerated] makes those projects' builds follow its value to their outputs (AIC001). Label the value inside the library instead if it is shown as it is.");

        /// <summary>AIC011: an EU-profile chat surface without the interaction notice (AI Act Art. 50(1)).</summary>
        public static readonly DiagnosticDescriptor InteractionNoticeMissing = new DiagnosticDescriptor(
            DiagnosticIds.InteractionNoticeMissing,
            "Chat surface without an AI interaction notice",
            "{0} shows AI answers, but no interaction notice of {1} is shown on it, its page or the layout: render {2}.InteractionNotice there (EU AI Act, Article 50(1))",
            DisclosureCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "EU AI Act Art. 50(1): people must be told they are interacting with an AI system, at the latest at the first interaction (no fixed wording). For a service registered under the EU profile, AIC011 reports each component, route handler or method whose AI answers reach a user when no InteractionNotice / InteractionNoticeHtml / InteractionNoticeMarkup of an EU service is shown in the same render tree (the component, a component it opens, its page), in a layout, in the same route handler, or in a page the project ships.",
            helpLinkUri: HelpLinkBase + DiagnosticIds.InteractionNoticeMissing + ".md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>For the compliance report (scanner): labeled paths. Hidden and off unless enabled.</summary>
        public static readonly DiagnosticDescriptor LabeledAiOutput = Create(
            DiagnosticIds.LabeledAiOutput,
            "AI-generated content reaches a user, labeled",
            "AI-generated content from '{0}' reaches '{1}'{2}, labeled",
            ReportCategory,
            DiagnosticSeverity.Hidden,
            "Report only: a compliant path from an AI source to a user-facing output. Off by default; the aicompliance scanner turns it on to list labeled outputs.",
            enabledByDefault: false);

        /// <summary>For the compliance report (scanner): AI source calls. Hidden and off unless enabled.</summary>
        public static readonly DiagnosticDescriptor AiSourceCall = Create(
            DiagnosticIds.AiSourceCall,
            "AI source call",
            "'{0}' produces AI-generated content{1}",
            ReportCategory,
            DiagnosticSeverity.Hidden,
            "Report only: a call whose result is AI-generated content. Off by default; the aicompliance scanner turns it on to list sources.",
            enabledByDefault: false);

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, bool enabledByDefault = true) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: enabledByDefault,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md");
    }
}
