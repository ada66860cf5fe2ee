namespace AiCompliance.Tests.Infrastructure;

public static class Code
{
    /// <summary>Usings and a registered service, prepended to test bodies.</summary>
    public const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using AiCompliance;
        using Microsoft.Extensions.AI;

        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "Co")]
        public static partial class Svc { }

        """;

    /// <summary><see cref="Header"/> with <c>Svc</c> registered under the EU profile.</summary>
    public static readonly string EuHeader = Header.Replace("Provider = \"Co\")]", "Provider = \"Co\", Jurisdiction = Jurisdiction.EuropeanUnion)]", System.StringComparison.Ordinal);
}
