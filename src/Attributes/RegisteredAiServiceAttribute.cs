using System;

namespace AiCompliance
{
    /// <summary>
    /// Declares a registered generative-AI service. Put it on a <c>static partial class</c>: the AiCompliance
    /// generator fills the class with the registration display (<c>RegistrationNumber</c>,
    /// <c>RegistrationNotice</c>) and the labeling API (<c>Label</c>, <c>ImplicitLabel</c>, <c>WithLabels</c>).
    /// </summary>
    /// <example>
    /// <code>
    /// [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
    /// public static partial class YunQue { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class RegisteredAiServiceAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="registrationNumber">
        /// The filing number (备案号) or launch / registration number (上线编号) as published, for example
        /// <c>Beijing-YunQue-20230821</c> or <c>Guangdong-Plaud-20251229S0027</c>.
        /// </param>
        public RegisteredAiServiceAttribute(string registrationNumber)
        {
            RegistrationNumber = registrationNumber;
        }

        /// <summary>The filing or registration number of the service.</summary>
        public string RegistrationNumber { get; }

        /// <summary>The service (model) name shown to users. Defaults to the name part of the number.</summary>
        public string? ServiceName { get; set; }

        /// <summary>
        /// The provider's name or code, written as <c>ContentProducer</c> in the implicit label. Prefer a code in
        /// printable ASCII. Defaults to the registration number.
        /// </summary>
        public string? Provider { get; set; }

        /// <summary>
        /// The explicit label wording. Defaults to the jurisdictions' wording (China: 内容由人工智能生成; European Union and
        /// California: AI-generated; several jurisdictions: their wordings joined, e.g. 内容由人工智能生成 / AI-generated).
        /// </summary>
        public string? LabelText { get; set; }

        /// <summary>Where <c>Label(text)</c> puts the explicit label. Default: <see cref="AiCompliance.LabelPosition.Start"/>.</summary>
        public LabelPosition LabelPosition { get; set; }

        /// <summary>
        /// The rules the service follows: one jurisdiction or several combined with <c>|</c> (for example
        /// <c>Jurisdiction.China | Jurisdiction.EuropeanUnion</c>). Default: <see cref="AiCompliance.Jurisdiction.Default"/>
        /// (China).
        /// </summary>
        public Jurisdiction Jurisdiction { get; set; }

        /// <summary>
        /// The version of the generative AI system, written with the California SB 942 latent disclosure (XMP
        /// <c>Iptc4xmpExt:AISystemVersionUsed</c>) when <see cref="Jurisdiction"/> includes
        /// <see cref="AiCompliance.Jurisdiction.California"/>. Default: empty (not written).
        /// </summary>
        public string? SystemVersion { get; set; }
    }

    /// <summary>Where the explicit label goes in labeled text.</summary>
    public enum LabelPosition
    {
        /// <summary>Before the content.</summary>
        Start = 0,
        /// <summary>After the content.</summary>
        End = 1,
        /// <summary>Before and after the content.</summary>
        Both = 2,
    }

    /// <summary>
    /// The regulatory profiles a service follows: a set, so several can be combined with <c>|</c>. Each profile decides
    /// the default label wording, the wording check (AIC006), the interaction notice and the metadata written into
    /// images and audio; a combination joins the wordings and notices and applies every check.
    /// </summary>
    [Flags]
    public enum Jurisdiction
    {
        /// <summary>No profile named: the same as <see cref="China"/> (the default before profiles could be combined).</summary>
        Default = 0,

        /// <summary>
        /// People's Republic of China: Interim Measures for Generative AI Services (2023), Measures for Labeling
        /// AI-Generated Synthetic Content (2025) and GB 45438-2025. Label wording with an AI element and a generation
        /// element (default 内容由人工智能生成); the GB 45438 Annex E <c>AIGC</c> record in metadata.
        /// </summary>
        China = 1,

        /// <summary>
        /// European Union: AI Act Article 50. Art. 50(1) interaction notice ("You are interacting with an AI system.");
        /// Art. 50(2) machine-readable marking (IPTC <c>DigitalSourceType</c> = <c>trainedAlgorithmicMedia</c>); no fixed
        /// label wording, so the label must name AI and say the content is generated (default "AI-generated").
        /// </summary>
        EuropeanUnion = 2,

        /// <summary>
        /// California: SB 942 AI Transparency Act (image, audio and video; text is not covered). A manifest disclosure
        /// that names AI and says the content is generated (default "AI-generated") and the latent disclosure in
        /// metadata: provider, system name and version, creation time and a unique id.
        /// </summary>
        California = 4,
    }
}
