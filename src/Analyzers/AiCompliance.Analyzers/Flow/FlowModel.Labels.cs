using System.Collections.Generic;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    // The explicit labels of the compilation's services: their texts (AIC005) and the wording a literal label must pass (AIC001).
    internal sealed partial class FlowModel
    {
        /// <summary>
        /// The explicit label texts in use: the jurisdiction default and every registered service's generated
        /// <c>LabelText</c> constant (AIC005 uses them to tell harmless rewrites from ones that can cut a label).
        /// </summary>
        public IReadOnlyList<string> LabelTexts => System.Threading.LazyInitializer.EnsureInitialized(ref _labelTexts, ComputeLabelTexts)!;

        private IReadOnlyList<string>? _labelTexts;

        private IReadOnlyList<string> ComputeLabelTexts()
        {
            var texts = new List<string> { JurisdictionProfile.China.DefaultLabelText };
            foreach (var symbol in Compilation.GetSymbolsWithName("LabelText", SymbolFilter.Member))
            {
                if (symbol is IFieldSymbol { IsConst: true, ConstantValue: string text } constant &&
                    HasAttribute(constant.ContainingType, RegisteredServiceAttribute) && !texts.Contains(text))
                {
                    texts.Add(text);
                }
            }

            return texts;
        }

        /// <summary>
        /// Whether a literal is label wording under a profile of the compilation's services (each service's
        /// <c>Jurisdiction</c> set; China when there is none): "内容由人工智能生成" anywhere, "AI-generated" where a service
        /// is registered under the EU or California profile.
        /// </summary>
        public bool IsLabelWording(string text)
        {
            foreach (var profile in System.Threading.LazyInitializer.EnsureInitialized(ref _labelProfiles, ComputeLabelProfiles)!)
            {
                if (profile.CheckLabelWording(text) is null)
                {
                    return true;
                }
            }

            return false;
        }

        private IReadOnlyList<JurisdictionProfile>? _labelProfiles;

        private IReadOnlyList<JurisdictionProfile> ComputeLabelProfiles()
        {
            var profiles = new List<JurisdictionProfile> { JurisdictionProfile.China };
            foreach (var symbol in Compilation.GetSymbolsWithName("LabelText", SymbolFilter.Member))
            {
                foreach (var attribute in symbol.ContainingType.GetAttributes())
                {
                    if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, RegisteredServiceAttribute))
                    {
                        continue;
                    }

                    var value = 0;
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (argument.Key == "Jurisdiction" && argument.Value.Value is int bits)
                        {
                            value = bits;
                        }
                    }

                    foreach (var profile in JurisdictionSet.FromValue(value).Profiles)
                    {
                        if (!profiles.Contains(profile))
                        {
                            profiles.Add(profile);
                        }
                    }
                }
            }

            return profiles;
        }
    }
}
