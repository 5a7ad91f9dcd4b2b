import html
q=["PAC Centre (hosting institution, country and contact information)",
"International Cooperation (highlight activities and work the PAC Centre has done in the international preservation and conservation network and where your PAC Centre has provided support on an international level)",
"Local Cooperation (highlight activities and work your PAC Centre has done in the local preservation and conservation network and where your PAC Centre has provided support on a local level)",
"Workshops/trainings/events (what workshops/trainings/events has the PAC Centre organised? Which workshops/trainings/events did the PAC Centre participate in? both on international and national level)",
"Involvement of the PAC Centre with the IFLA Initiatives (i.e. the Risk Register/FAQ)",
"Suggestions to IFLA HQ on improvements to the PAC Centre network (e.g. gaps in expertise covered by the current PAC Centre network, communication issues, support requests (non-financial) etc.)",
"New standards/guidelines/best practices which should be shared with the community",
"Any other comments"]
a=["IFLA PAC Centre for Oceania, hosted by the State Library of Victoria, Melbourne, Australia. E-mail: pac@slv-example.au, tel. +61 3 8664 7000",
"Advised the National Library of Fiji on cyclone damage to its newspaper collection.",
"Ran condition surveys for eleven regional libraries in Victoria.",
"Organised a two-day workshop on the care of photographs for 40 participants.",
"Contributed three entries to the IFLA Risk Register.",
"A shared calendar of network events would help.",
"Our guide to handling wet books is ready to share.",
"Thank you for the support this year."]
style="body{font-family:'Liberation Sans',sans-serif;font-size:11pt} p.q{font-weight:bold;margin:14pt 0 2pt} p{margin:0 0 6pt} .break{break-before:page}"
def page(title, body, extra=""):
    return f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{style}{extra}</style></head><body>\n{body}\n</body></html>\n'
def pairs(qs, ans, breaks=()):
    out=""
    for i,(x,y) in enumerate(zip(qs,ans)):
        cls="q break" if i in breaks else "q"
        out+=f'<p class="{cls}">{html.escape(x)}</p>\n<p>{html.escape(y)}</p>\n'
    return out
closing='<p>The information was prepared by Jane Fletcher, PAC Centre coordinator.</p>'
open('browser-one-page.html','w').write(page("PAC report 2021 - Oceania", pairs(q,a)+closing))
open('browser-three-pages.html','w').write(page("PAC report 2021 - Oceania", pairs(q,a,(3,6))+closing))
zq=["PAC中心（主办机构、国家和联系方式）","国际合作（重点介绍PAC中心在国际保护与修复网络中开展的活动和工作）","地方合作","讲习班/培训/活动","PAC中心参与国际图联倡议的情况","对国际图联总部改进PAC中心网络的建议","应与社区分享的新标准/指南/最佳做法","其他意见"]
za=["国际图联PAC中心（中国），由中国国家图书馆主办，北京。电子邮件：pac@nlc-example.cn","为长江流域的图书馆提供了水灾后古籍抢救的咨询。","为本市十一所公共图书馆进行了馆藏状况调查，并培训了青年修复人员。","举办了为期两天的纸张修复讲习班，共有四十名学员参加。","向风险登记册提交了三个条目。","希望建立网络活动的共享日历。","我们的湿书处理指南已准备好分享。","无"]
open('browser-chinese.html','w').write(page("PAC 报告 2021",pairs(zq,za),"body{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif}").replace('lang="en"','lang="zh-CN"'))
aq=["مركز PAC (المؤسسة المضيفة والبلد ومعلومات الاتصال)","التعاون الدولي","التعاون المحلي","ورش العمل والتدريبات والفعاليات"]
aa=["مركز إفلا PAC للعالم العربي، تستضيفه مكتبة الإسكندرية، مصر. البريد الإلكتروني: pac@bibalex-example.org","قدم المركز المشورة لمكتبات المنطقة بشأن ترميم المخطوطات في عام 2021.","أجرى المركز مسحا لحالة المجموعات في إحدى عشرة مكتبة عامة.","نظم المركز ورشة عمل لمدة يومين حول العناية بالصور الفوتوغرافية لأربعين مشاركا."]
open('browser-arabic.html','w').write(page("تقرير PAC 2021",pairs(aq,aa),"body{font-family:'Noto Sans Arabic','Noto Naskh Arabic',sans-serif}").replace('lang="en"','lang="ar" dir="rtl"'))
