using System;
using System.Linq;
using AiCompliance.Internal;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic002;

/// <summary>Direct tests of the shared validator (<see cref="RegistrationNumber.Parse"/>) the AIC002 analyzer and the generator both use.</summary>
public class RegistrationNumberTests
{
    // Published examples (shared/docs/regulation.md) and case variants of the province.
    [Theory]
    [InlineData("Beijing-YunQue-20230821", "NationalFiling", "Beijing", "YunQue")]
    [InlineData("ZheJiang-TongYiQianWen-20230901", "NationalFiling", "ZheJiang", "TongYiQianWen")]
    [InlineData("Beijing-DeepseekChat-202404280016", "NationalFiling", "Beijing", "DeepseekChat")]
    [InlineData("Hunan-PinCaiMao-202412310003", "NationalFiling", "Hunan", "PinCaiMao")]
    [InlineData("Guangdong-Plaud-20251229S0027", "LocalRegistration", "Guangdong", "Plaud")]
    [InlineData("Guangdong-FigCraft-20260817S0078", "LocalRegistration", "Guangdong", "FigCraft")]
    [InlineData("zhejiang-TongYiQianWen-20230901", "NationalFiling", "zhejiang", "TongYiQianWen")]
    [InlineData("ZHEJIANG-TongYiQianWen-20230901", "NationalFiling", "ZHEJIANG", "TongYiQianWen")]
    [InlineData("Zhejiang-TongYiQianWen-20230901", "NationalFiling", "Zhejiang", "TongYiQianWen")]
    [InlineData("Shanxi-Model-20240101", "NationalFiling", "Shanxi", "Model")]
    [InlineData("Shaanxi-Model-20240101", "NationalFiling", "Shaanxi", "Model")]
    [InlineData("Neimenggu-Model-20240101", "NationalFiling", "Neimenggu", "Model")]
    [InlineData("Xizang-Model-20240229", "NationalFiling", "Xizang", "Model")] // leap day
    [InlineData("Beijing-Deepseek-Chat-20240428", "NationalFiling", "Beijing", "Deepseek-Chat")] // a single '-' inside the name
    public void Published_shapes_are_valid(string number, string kind, string province, string name)
    {
        var result = RegistrationNumber.Parse(number);

        Assert.True(result.IsValid, result.Problem);
        Assert.Null(result.Problem);
        Assert.Equal(kind, result.Kind.ToString());
        Assert.Equal(province, result.Province);
        Assert.Equal(name, result.Name);
    }

    [Fact]
    public void Exactly_the_31_mainland_province_level_names_are_known()
    {
        string[] mainland =
        {
            "Beijing", "Tianjin", "Hebei", "Shanxi", "Neimenggu", "Liaoning", "Jilin", "Heilongjiang", "Shanghai", "Jiangsu",
            "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong", "Guangxi", "Hainan",
            "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Xizang", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang",
        };
        Assert.Equal(31, mainland.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var province in mainland)
        {
            Assert.True(RegistrationNumber.IsKnownProvince(province), province);
            Assert.True(RegistrationNumber.IsKnownProvince(province.ToUpperInvariant()), province);
            Assert.True(RegistrationNumber.Parse(province + "-Model-20240101").IsValid, province);
        }

        // Not mainland province-level divisions, or not the pinyin name.
        foreach (var other in new[] { "Taiwan", "Xianggang", "HongKong", "Aomen", "Macau", "Peking", "Canton", "Tibet", "InnerMongolia", "Shan-xi", "北京" })
        {
            Assert.False(RegistrationNumber.IsKnownProvince(other), other);
        }
    }

    [Theory]
    // Date part
    [InlineData("Beijing-XueQiuHuiJian-2S0033", "LocalRegistration", "the date part '2' must be 8 digits (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-20230230", "NationalFiling", "the date part '20230230' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-20231301", "NationalFiling", "the date part '20231301' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-20230229", "NationalFiling", "the date part '20230229' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-00000821", "NationalFiling", "the date part '00000821' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Guangdong-Plaud-20251232S0027", "LocalRegistration", "the date part '20251232' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-2023082", "NationalFiling", "the date part '2023082' must be 8 digits (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-2023O821", "NationalFiling", "the date part '2023O821' must be 8 digits (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-2023.08.21", "NationalFiling", "the date part '2023.08.21' must be 8 digits (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-２０２３０８２１", "NationalFiling", "the date part '２０２３０８２１' must be 8 digits (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-", "NationalFiling", "the date part is empty; expected 8 digits (yyyyMMdd)")]
    [InlineData("Guangdong-Plaud-S0027", "LocalRegistration", "the date part is empty; expected 8 digits (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-2023-08-21", "Unknown", "the date part '2023-08-21' is written with '-' separators; write it as yyyyMMdd (e.g. '20230821')")]
    // Marker and sequence
    [InlineData("Beijing-YunQue-20230821-0016", "Unknown", "the sequence '0016' is separated from the date by '-'; write it directly after the date (e.g. '202308210016')")]
    [InlineData("Guangdong-Plaud-20251229-S0027", "Unknown", "the sequence 'S0027' is separated from the date by '-'; write it directly after the date (e.g. '20251229S0027')")]
    [InlineData("Guangdong-Plaud-20251229s0027", "LocalRegistration", "the local registration marker must be an upper-case 'S'")]
    [InlineData("Guangdong-Plaud-20251229S027", "LocalRegistration", "the sequence after 'S' ('027') must be 4 digits")]
    [InlineData("Guangdong-Plaud-20251229S00271", "LocalRegistration", "the sequence after 'S' ('00271') must be 4 digits")]
    [InlineData("Guangdong-Plaud-20251229S00A7", "LocalRegistration", "the sequence after 'S' ('00A7') must be 4 digits")]
    [InlineData("Guangdong-Plaud-20251229S", "LocalRegistration", "the sequence after 'S' is missing; it must be 4 digits")]
    [InlineData("Beijing-DeepseekChat-20240428001", "NationalFiling", "the sequence after the date ('001') must be 4 digits or absent")]
    [InlineData("Beijing-DeepseekChat-2024042800160", "NationalFiling", "the sequence after the date ('00160') must be 4 digits or absent")]
    // Province
    [InlineData("Peking-X-20230821", "Unknown", "the province part 'Peking' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)")]
    [InlineData("Taiwan-X-20230821", "Unknown", "the province part 'Taiwan' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)")]
    [InlineData("HongKong-X-20230821", "Unknown", "the province part 'HongKong' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)")]
    [InlineData("北京-YunQue-20230821", "Unknown", "the province part '北京' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)")]
    [InlineData("-YunQue-20230821", "Unknown", "the province part is empty")]
    // Name and parts
    [InlineData("Beijing-20230821", "Unknown", "the name part is missing between the province and the date")]
    [InlineData("Beijing-YunQue", "Unknown", "the date part is missing after the name")]
    [InlineData("YunQue-20230821", "Unknown", "it has only two parts separated by '-'; expected three: province, name and date")]
    [InlineData("BeijingYunQue20230821", "Unknown", "it has no '-' between its parts; expected three parts: province, name and date")]
    [InlineData("Beijing--20230821", "Unknown", "the name part is empty")]
    [InlineData("Beijing-云雀-20230821", "Unknown", "the name part '云雀' may only contain ASCII letters and digits, as published (found '云')")]
    [InlineData("Beijing-Yun_Que-20230821", "Unknown", "the name part 'Yun_Que' may only contain ASCII letters and digits, as published (found '_')")]
    [InlineData("Beijing–YunQue–20230821", "Unknown", "it contains '–' (U+2013) where the parts must be separated by the ASCII hyphen '-'")]
    [InlineData("Beijing－YunQue－20230821", "Unknown", "it contains '－' (U+FF0D) where the parts must be separated by the ASCII hyphen '-'")]
    // Empty, blank, white space, invisible characters
    [InlineData("", "Unknown", "the number is empty")]
    [InlineData("   ", "Unknown", "the number is blank (only white space)")]
    [InlineData(" Beijing-YunQue-20230821", "Unknown", "the number contains white space (U+0020 at index 0); write it exactly as published, without spaces")]
    [InlineData("Beijing-YunQue-20230821 ", "Unknown", "the number contains white space (U+0020 at index 23); write it exactly as published, without spaces")]
    [InlineData("Beijing-Yun Que-20230821", "Unknown", "the number contains white space (U+0020 at index 11); write it exactly as published, without spaces")]
    [InlineData("Beijing-YunQue-2023\t0821", "Unknown", "the number contains white space (U+0009 at index 19); write it exactly as published, without spaces")]
    [InlineData("Beijing-YunQue\u00A0-20230821", "Unknown", "the number contains white space (U+00A0 at index 14); write it exactly as published, without spaces")]
    [InlineData("Beijing-YunQue-20230821\u200B", "Unknown", "the number contains an invisible character (U+200B at index 23); write it exactly as published, without spaces")]
    [InlineData("\uFEFFBeijing-YunQue-20230821", "Unknown", "the number contains an invisible character (U+FEFF at index 0); write it exactly as published, without spaces")]
    // Other registers
    [InlineData("网信算备110108823483901230031号", "AlgorithmFiling", "this is an algorithm filing number (网信算备…号), a different register; give the service's filing or launch number")]
    [InlineData("京ICP备12345678号", "Unknown", "this is an ICP filing or licence number (…ICP备…号), a different register; give the service's filing or launch number")]
    [InlineData("京公网安备11010802012345号", "Unknown", "this is a public security filing number (…公网安备…号), a different register; give the service's filing or launch number")]
    public void Malformed_numbers_name_the_wrong_part(string number, string kind, string problem)
    {
        var result = RegistrationNumber.Parse(number);

        Assert.False(result.IsValid);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(kind, result.Kind.ToString());
    }

    [Fact]
    public void Null_is_malformed()
    {
        var result = RegistrationNumber.Parse(null);

        Assert.False(result.IsValid);
        Assert.Equal("the number is null", result.Problem);
        Assert.Equal(RegistrationKind.Unknown, result.Kind);
        Assert.Null(result.Province);
        Assert.Null(result.Name);
    }

    [Fact]
    public void Malformed_date_keeps_the_parts_it_could_read()
    {
        var result = RegistrationNumber.Parse("Beijing-XueQiuHuiJian-2S0033");

        Assert.Equal("Beijing", result.Province);
        Assert.Equal("XueQiuHuiJian", result.Name);
    }

    [Fact]
    public void Expected_shapes_show_both_published_examples_and_they_are_valid()
    {
        Assert.Contains("'Province-Name-yyyyMMdd[nnnn]'", RegistrationNumber.ExpectedShapes);
        Assert.Contains("'Province-Name-yyyyMMddSnnnn'", RegistrationNumber.ExpectedShapes);
        Assert.Contains(RegistrationNumber.NationalExample, RegistrationNumber.ExpectedShapes);
        Assert.Contains(RegistrationNumber.LocalExample, RegistrationNumber.ExpectedShapes);
        Assert.Equal(RegistrationKind.NationalFiling, RegistrationNumber.Parse(RegistrationNumber.NationalExample).Kind);
        Assert.Equal(RegistrationKind.LocalRegistration, RegistrationNumber.Parse(RegistrationNumber.LocalExample).Kind);
        Assert.True(RegistrationNumber.Parse(RegistrationNumber.NationalExample).IsValid);
        Assert.True(RegistrationNumber.Parse(RegistrationNumber.LocalExample).IsValid);
    }
}
