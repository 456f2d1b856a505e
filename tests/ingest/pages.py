"""A realistic saved government web page around a report, for the HTML reader tests.

The chrome is what county and city portals really carry: a top bar, a logo
header, a menu, a breadcrumb, a meta line with date/source/font size, a share
bar, related links, a footer with 版权所有 and ICP/公安 filing numbers, and
inline and external scripts and styles.
"""

from __future__ import annotations

import html

CHROME_WORDS = (
    "无障碍浏览",
    "首页",
    "政务公开",
    "当前位置",
    "发布时间",
    "字号",
    "分享到",
    "微信",
    "打印本页",
    "相关链接",
    "版权所有",
    "ICP备",
    "公网安备",
    "网站标识码",
    "主办单位",
    "关闭窗口",
    "var _hmt",
    "font-family",
    "上一篇",
    "下一篇",
)


def gov_page(text: str, charset: str = "utf-8", *, title: str = "2020年镇海区政府工作报告") -> str:
    """The report's non-empty lines as <p> inside a typical portal article page."""
    paras = "\n".join(
        f'<p style="text-indent:2em;">{html.escape(line.strip())}</p>'
        for line in text.splitlines()
        if line.strip()
    )
    menu = "".join(
        f'<li><a href="/col/col{n}/index.html">{w}</a></li>'
        for n, w in enumerate(
            ["首页", "走进镇海", "政务公开", "政务服务", "互动交流", "数据开放", "专题专栏"]
        )
    )
    related = "".join(
        f'<li><a href="/art/2020/5/{n}/art_{n}.html">{w}</a><span>2020-05-0{n}</span></li>'
        for n, w in enumerate(
            [
                "关于2019年国民经济和社会发展计划执行情况的报告",
                "镇海区2019年财政预算执行情况",
                "区十五届人大四次会议胜利闭幕",
                "图解：2020年政府工作报告",
            ],
            start=1,
        )
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="SiteName" content="宁波市镇海区人民政府">
<meta name="ArticleTitle" content="{title}">
<title>{title}_政府工作报告_宁波市镇海区人民政府</title>
<link rel="stylesheet" href="/css/common.css">
<style>body{{font-family:"Microsoft YaHei";}} .nav li{{float:left;}} .article p{{line-height:2;}}</style>
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?x"; }})();</script>
</head>
<body>
<div class="topbar"><div class="w1200"><span>欢迎访问宁波市镇海区人民政府网站！</span>
<a href="javascript:;" id="wza">无障碍浏览</a> <a href="/mobile/">手机版</a> <a href="/en/">English</a></div></div>
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="宁波市镇海区人民政府"></a></div>
<div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul>{menu}</ul></div>
<div class="main w1200">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col2/">政务公开</a> &gt; <a href="/col/col9/">政府工作报告</a></div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：2020-05-12 09:30 来源：区政府办公室 浏览次数：<span id="hits">1024</span>
字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div>
<div class="TRS_Editor" id="zoom">
{paras}
</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="pager"><p>上一篇：<a href="/art/1.html">区政府召开第五十次常务会议</a></p><p>下一篇：<a href="/art/3.html">镇海区2020年重点工程项目计划</a></p></div>
</div>
<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>
</div>
<div class="footer"><div class="links"><a href="http://www.gov.cn">中国政府网</a> <a href="http://www.zj.gov.cn">浙江省人民政府</a> <a href="http://www.ningbo.gov.cn">宁波市人民政府</a></div>
<p>主办单位：宁波市镇海区人民政府办公室 版权所有：宁波市镇海区人民政府</p>
<p>浙ICP备05004521号-1 浙公网安备 33021102000123号 网站标识码：3302110001</p>
<p>联系电话：0574-86271234 地址：宁波市镇海区城河西路1号</p></div>
<script>$(function(){{ $("#hits").load("/hits"); }});</script>
</body>
</html>
"""


def empty_page() -> str:
    """A portal page with all the chrome but no report: a moved-article notice."""
    page = gov_page("该信息已过期或已被删除，请返回首页浏览其他内容。", title="页面提示")
    return page
