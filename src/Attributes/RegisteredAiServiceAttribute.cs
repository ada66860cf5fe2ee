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

        /// <summary>The explicit label wording. Defaults to the jurisdiction's wording (China: 内容由人工智能生成).</summary>
        public string? LabelText { get; set; }

        /// <summary>Where <c>Label(text)</c> puts the explicit label. Default: <see cref="AiCompliance.LabelPosition.Start"/>.</summary>
        public LabelPosition LabelPosition { get; set; }

        /// <summary>The rules the service is registered under. Default: <see cref="AiCompliance.Jurisdiction.China"/>.</summary>
        public Jurisdiction Jurisdiction { get; set; }
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

    /// <summary>The regulatory profile a service follows. New profiles are added as new members.</summary>
    public enum Jurisdiction
    {
        /// <summary>
        /// People's Republic of China: Interim Measures for Generative AI Services (2023), Measures for Labeling
        /// AI-Generated Synthetic Content (2025) and GB 45438-2025.
        /// </summary>
        China = 0,
    }
}
